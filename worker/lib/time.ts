const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai, whatever the server's zone. */
export function shanghaiDay(now: Date): string {
  return shanghaiDate.format(now);
}
