// The browser's own player: Taro's H5 <Video> (with danmu, gestures and HLS) would ship ~14 KB
// gzipped in a chunk that 首页 shares, for a screen most residents never open.
export function VideoBlock({ src, title, className = '' }: { src: string; title: string; className?: string }) {
  return <video className={className} src={src} controls preload="metadata" playsInline title={title} />;
}
