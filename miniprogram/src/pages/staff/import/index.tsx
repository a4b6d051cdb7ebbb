import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Radio from '@nutui/nutui-react-taro/dist/es/packages/radio';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import { CSV_HEADER, FAQ_LIMITS } from '@shared/constants';
import type { Me } from '@shared/schemas/auth';
import type { DuplicateChoice, ImportDuplicate, ImportResult, ImportRowError } from '@shared/schemas/faq';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { Tag, type Tone } from '../../../components/Tag';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { errorMessage } from '../../../services/api';
import { offerTemplate, pickCsvFile, templateOffer, type CsvFile } from '../../../services/csv-file';
import { importCsv, STATUS_LABELS } from '../../../services/manage';
import { canManage } from '../../../services/session';
import { routes } from '../../../utils/nav';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

/** Where the import stands: a file is always checked (a dry run) before anything is written. */
type Step =
  | { at: 'start' }
  | { at: 'checking'; file: CsvFile }
  | { at: 'empty'; file: CsvFile }
  | { at: 'checked'; file: CsvFile; result: ImportResult; choice?: DuplicateChoice; rechecking: boolean }
  | { at: 'failed'; file: CsvFile; error: unknown; writing: boolean; choice?: DuplicateChoice }
  | { at: 'writing'; file: CsvFile; result: ImportResult; choice?: DuplicateChoice }
  | { at: 'done'; file: CsvFile; result: ImportResult; published: boolean };

// A long list of bad rows is cut here; the count says how many there are in all.
const SHOWN_ROWS = 50;

const ACTIONS: Record<DuplicateChoice, { word: string; tone: Tone }> = {
  skip: { word: '将跳过', tone: 'plain' },
  update: { word: '将更新已有条目', tone: 'primary' },
  import: { word: '将导入为新条目', tone: 'warn' },
};

/** 管理问答 opened this screen, and lists the new entries when shown again; else it is opened afresh. */
function backToManage() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.manage() });
}

/** A file with nothing but the header (or nothing at all) has no rows to check. */
const hasRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.replace(/[,，"\s]/g, '') !== '').length > 1;

/** Rows are counted from the first under the header; a spreadsheet numbers the header 1. */
const where = (row: number) => (row > 0 ? `第 ${row} 条（表格第 ${row + 1} 行）` : '表头');

/** Another unit's entry cannot be updated: under 「更新」 those rows are skipped, and the screen says so. */
function choiceOptions(choice: DuplicateChoice | undefined, duplicates: ImportDuplicate[]) {
  if (choice !== 'update') return { duplicates: choice };
  const choices: Record<number, DuplicateChoice> = {};
  for (const d of duplicates) if (d.sameAsRow === undefined && !d.entry?.editable) choices[d.row] = 'skip';
  return { duplicates: choice, choices };
}

export default function ImportPage() {
  const [user] = useStoredUser();

  if (!canManage(user)) {
    return (
      <Page>
        <SignInRequired hint="以单位编辑或政务公开办身份登录后，才能导入问答" />
      </Page>
    );
  }
  return <Importer user={user} />;
}

function Importer({ user }: { user: Me }) {
  const [step, setStep] = useState<Step>({ at: 'start' });
  const [publish, setPublish] = useState(false);

  const check = async (file: CsvFile, choice?: DuplicateChoice, shown?: ImportResult) => {
    if (!hasRows(file.text)) return setStep({ at: 'empty', file });
    // A new choice for the same file keeps the result on screen while the counts are redone.
    setStep(shown ? { at: 'checked', file, result: shown, choice, rechecking: true } : { at: 'checking', file });
    try {
      const result = await importCsv(file.text, { dryRun: true, publish, ...choiceOptions(choice, shown?.duplicates ?? []) });
      setStep({ at: 'checked', file, result, choice, rechecking: false });
    } catch (error) {
      setStep({ at: 'failed', file, error, writing: false, choice });
    }
  };

  const choose = async () => {
    try {
      const file = await pickCsvFile();
      if (file) await check(file);
    } catch (err) {
      void Taro.showToast({ title: `读取文件失败：${errorMessage(err)}`, icon: 'none', duration: 2500 });
    }
  };

  const write = async (file: CsvFile, result: ImportResult, choice?: DuplicateChoice) => {
    setStep({ at: 'writing', file, result, choice });
    try {
      const written = await importCsv(file.text, { dryRun: false, publish, ...choiceOptions(choice, result.duplicates) });
      setStep({ at: 'done', file, result: written, published: publish });
    } catch (error) {
      setStep({ at: 'failed', file, error, writing: true, choice });
    }
  };

  const template = async () => {
    try {
      await offerTemplate();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    }
  };

  const checked = step.at === 'checked' || step.at === 'writing' ? step : null;
  return (
    <Page bar={checked !== null}>
      <View className="zc-import" data-step={step.at}>
        {(step.at === 'start' || step.at === 'empty') && <Intro user={user} onTemplate={() => void template()} />}

        {step.at === 'start' && (
          <Button className="zc-import-pick" type="primary" block size="large" onClick={() => void choose()}>
            选择 CSV 文件
          </Button>
        )}

        {step.at === 'checking' && (
          <Card>
            <Loading compact text={`正在检查「${step.file.name}」…`} />
          </Card>
        )}

        {step.at === 'empty' && (
          <Card className="zc-import-empty">
            <Text className={`${styles.fileName} zc-import-file`}>{step.file.name}</Text>
            <EmptyState
              compact
              title="文件里没有问答"
              hint="表头下面每行填一条问答（问题、答案必填），保存后再选择这个文件。"
              action={
                <Button className="zc-import-pick" type="primary" onClick={() => void choose()}>
                  重新选择文件
                </Button>
              }
            />
          </Card>
        )}

        {step.at === 'failed' && (
          <Card>
            <ErrorState
              compact
              title={step.writing ? '导入失败，未写入任何条目' : '检查失败'}
              error={step.error}
              onRetry={() => void check(step.file, step.choice)}
            />
            <Button className={`${styles.second} zc-import-pick`} block fill="outline" onClick={() => void choose()}>
              重新选择文件
            </Button>
          </Card>
        )}

        {checked && (
          <Checked
            file={checked.file}
            result={checked.result}
            choice={checked.choice}
            busy={step.at === 'writing' || (step.at === 'checked' && step.rechecking)}
            rechecking={step.at === 'checked' && step.rechecking}
            publish={publish}
            onPublish={setPublish}
            onChoice={(choice) => void check(checked.file, choice, checked.result)}
            onPick={() => void choose()}
            onWrite={() => void write(checked.file, checked.result, checked.choice)}
          />
        )}

        {step.at === 'done' && <Done result={step.result} published={step.published} onAgain={() => setStep({ at: 'start' })} />}
      </View>
    </Page>
  );
}

/** What the file must look like, and the template; shown until a file is picked. */
function Intro({ user, onTemplate }: { user: Me; onTemplate: () => void }) {
  const owner = user.role === 'office' ? '「发文单位」列可填单位名称；空着的条目归入' : '条目都归入';
  return (
    <Card title="从表格导入问答">
      <Text className={styles.text}>
        第一行是表头：<Text className={`${styles.code} zc-import-header`}>{CSV_HEADER.join(',')}</Text>
        ，其中问题、答案必填；一格里有多个相似问法时用「；」隔开。
      </Text>
      <Text className={styles.text}>
        {owner}
        {user.unitName ?? '本单位'}。在 Excel 或 WPS 中「另存为 CSV UTF-8」后选择该文件；在手机上，先把文件发到微信（如「文件传输助手」）。
      </Text>
      <Text className={styles.text}>
        一次最多 {FAQ_LIMITS.importRows} 条。先检查每一行，有错误时一条也不会写入；已经有的问题会列出来，由您决定跳过、更新还是仍然导入。
      </Text>
      <View className={styles.template}>
        <Button className="zc-import-template" fill="outline" type="primary" onClick={onTemplate}>
          {templateOffer.label}
        </Button>
        <Text className={styles.hint}>{templateOffer.hint}</Text>
      </View>
    </Card>
  );
}

function Checked({
  file,
  result,
  choice,
  busy,
  rechecking,
  publish,
  onPublish,
  onChoice,
  onPick,
  onWrite,
}: {
  file: CsvFile;
  result: ImportResult;
  choice?: DuplicateChoice;
  /** Writing, or checking again after a new choice. */
  busy: boolean;
  /** Checking again after a new choice: the counts shown would be the old choice's. */
  rechecking: boolean;
  publish: boolean;
  onPublish: (publish: boolean) => void;
  onChoice: (choice: DuplicateChoice) => void;
  onPick: () => void;
  onWrite: () => void;
}) {
  const { errors, duplicates } = result;
  const byRow = new Map<number, ImportRowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const badRows = [...byRow.keys()].filter((r) => r > 0).length;
  const undecided = duplicates.length > 0 && !choice;
  const writes = result.imported + result.updated;

  return (
    <>
      <Card className="zc-import-result">
        <Text className={`${styles.fileName} zc-import-file`}>{file.name}</Text>
        {errors.length > 0 ? (
          <>
            <Text className={`${styles.summary} ${styles.bad} zc-import-summary`}>发现 {errors.length} 处错误，改正后重新选择文件</Text>
            <Text className={styles.text}>
              共 {result.total} 条，{badRows ? `其中 ${badRows} 条有错误` : '文件本身有错误'}。下面列出了全部错误，一次改完即可。
            </Text>
          </>
        ) : rechecking ? (
          <Text className={`${styles.summary} zc-import-summary`}>正在按所选方式重新检查…</Text>
        ) : undecided ? (
          <>
            <Text className={`${styles.summary} ${styles.warn} zc-import-summary`}>共 {result.total} 条，{duplicates.length} 条问题已经有了</Text>
            <Text className={styles.text}>请在下面选择如何处理重复的问题，再导入。</Text>
          </>
        ) : (
          <>
            <Text className={`${styles.summary} ${styles.ok} zc-import-summary`}>共 {result.total} 条，检查通过</Text>
            <Text className={`${styles.text} zc-import-counts`}>
              {[`新增 ${result.imported} 条`, result.updated && `更新 ${result.updated} 条`, result.skipped && `跳过 ${result.skipped} 条`]
                .filter(Boolean)
                .join('，')}
            </Text>
            <View className={styles.switchRow}>
              <View>
                <Text className={styles.switchLabel}>新增的条目立即发布</Text>
                <Text className={styles.hint}>{publish ? '导入后居民即可搜到' : '先存为草稿，检查后再发布'}</Text>
              </View>
              <Switch className="zc-import-publish" checked={publish} disabled={busy} onChange={onPublish} />
            </View>
          </>
        )}
      </Card>

      {errors.length > 0 && <ErrorList byRow={byRow} total={errors.length} />}

      {duplicates.length > 0 && (
        <Duplicates duplicates={duplicates} choice={choice} busy={busy} decidable={errors.length === 0} onChoice={onChoice} />
      )}

      {result.preview && result.preview.length > 0 && <Preview result={result} byRow={byRow} />}

      <View className={styles.bar}>
        {errors.length > 0 ? (
          <Button className="zc-import-pick" type="primary" block size="large" onClick={onPick}>
            重新选择文件
          </Button>
        ) : (
          <>
            <Button className={`${styles.barSecond} zc-import-pick`} fill="outline" disabled={busy} onClick={onPick}>
              换文件
            </Button>
            <Button
              className={`${styles.barMain} zc-import-write`}
              type="primary"
              size="large"
              loading={busy}
              disabled={busy || undecided || writes === 0}
              onClick={onWrite}
            >
              {undecided
                ? '先选择如何处理重复'
                : writes === 0
                  ? '没有要写入的条目'
                  : result.updated
                    ? `导入 ${result.imported} 条，更新 ${result.updated} 条`
                    : `导入 ${result.imported} 条`}
            </Button>
          </>
        )}
      </View>
    </>
  );
}

function ErrorList({ byRow, total }: { byRow: Map<number, ImportRowError[]>; total: number }) {
  const rows = [...byRow.entries()];
  return (
    <Card title={`需要改正（${total} 处）`} className="zc-import-errors">
      {rows.slice(0, SHOWN_ROWS).map(([row, list]) => (
        <View key={row} className={`${styles.errorGroup} zc-import-error-row`} data-row={row}>
          <Text className={styles.where}>{where(row)}</Text>
          {list.map((e, i) => (
            <View key={i} className={`${styles.error} zc-import-error`}>
              <View className={styles.errorHead}>
                {e.column && (
                  <Tag tone="danger" className="zc-import-error-column">
                    {e.column}
                  </Tag>
                )}
                <Text className={`${styles.errorMessage} zc-import-error-message`}>{e.message}</Text>
              </View>
              {e.value !== undefined && (
                <Text className={`${styles.errorDetail} zc-import-error-value`}>填的是：{e.value ? `「${e.value}」` : '（空）'}</Text>
              )}
              {e.expected && <Text className={`${styles.errorDetail} zc-import-error-expected`}>应为：{e.expected}</Text>}
            </View>
          ))}
        </View>
      ))}
      {rows.length > SHOWN_ROWS && <Text className={styles.hint}>还有 {rows.length - SHOWN_ROWS} 条有错误，未列出</Text>}
    </Card>
  );
}

function Duplicates({
  duplicates,
  choice,
  busy,
  decidable,
  onChoice,
}: {
  duplicates: ImportDuplicate[];
  choice?: DuplicateChoice;
  busy: boolean;
  /** A file with errors is imported only once corrected: the choice waits until then. */
  decidable: boolean;
  onChoice: (choice: DuplicateChoice) => void;
}) {
  const updatable = duplicates.filter((d) => d.sameAsRow === undefined && d.entry?.editable).length;
  const others = duplicates.filter((d) => d.sameAsRow === undefined && d.entry && !d.entry.editable).length;
  return (
    <Card title={`重复的问题（${duplicates.length} 条）`} className="zc-import-duplicates">
      <Text className={styles.hint}>与已有条目或文件里前面的行问的是同一个问题（不计标点、全角半角和语气词）。</Text>
      {!decidable && (
        <Text className={`${styles.text} ${styles.waitNote}`}>改正上面的错误、重新选择文件后，再选择如何处理重复的问题。</Text>
      )}
      {decidable && (
        <Radio.Group
          className={styles.choices}
          value={choice ?? ''}
          disabled={busy}
          onChange={(value) => onChoice(value as DuplicateChoice)}
        >
          <Radio className={`${styles.choice} ${choice === 'skip' ? styles.chosen : ''} zc-import-choice-skip`} value="skip">
            <Text className={styles.choiceLabel}>跳过这些行</Text>
            <Text className={styles.hint}>已有的条目保持不变</Text>
          </Radio>
          <Radio
            className={`${styles.choice} ${choice === 'update' ? styles.chosen : ''} zc-import-choice-update`}
            value="update"
            disabled={updatable === 0}
          >
            <Text className={styles.choiceLabel}>更新已有条目</Text>
            <Text className={styles.hint}>
              {updatable === 0
                ? '重复的都是其他单位的条目，不能更新'
                : `用文件里的问题、答案和类目改写已有条目，状态不变${others ? `；${others} 条属于其他单位，跳过` : ''}`}
            </Text>
          </Radio>
          <Radio className={`${styles.choice} ${choice === 'import' ? styles.chosen : ''} zc-import-choice-import`} value="import">
            <Text className={styles.choiceLabel}>仍然导入为新条目</Text>
            <Text className={styles.hint}>同一个问题会有两条</Text>
          </Radio>
        </Radio.Group>
      )}
      {duplicates.slice(0, SHOWN_ROWS).map((d) => (
        <View key={d.row} className={`${styles.duplicate} zc-import-duplicate`} data-row={d.row}>
          <View className={styles.duplicateHead}>
            <Text className={styles.where}>{where(d.row)}</Text>
            {d.action && (
              <Tag tone={ACTIONS[d.action].tone} className="zc-import-duplicate-action">
                {ACTIONS[d.action].word}
              </Tag>
            )}
          </View>
          <Text className={styles.duplicateQuestion}>{d.question}</Text>
          <Text className={`${styles.errorDetail} zc-import-duplicate-of`}>
            {d.entry
              ? `已有：「${d.entry.question}」· ${d.entry.unitName} · ${STATUS_LABELS[d.entry.status]}`
              : `与第 ${d.sameAsRow} 条相同`}
          </Text>
        </View>
      ))}
      {duplicates.length > SHOWN_ROWS && <Text className={styles.hint}>还有 {duplicates.length - SHOWN_ROWS} 条重复，未列出</Text>}
    </Card>
  );
}

function Preview({ result, byRow }: { result: ImportResult; byRow: Map<number, ImportRowError[]> }) {
  const preview = result.preview ?? [];
  const duplicateRows = new Set(result.duplicates.map((d) => d.row));
  return (
    <Card
      title="预览"
      className="zc-import-preview"
      extra={<Text className={styles.hint}>{preview.length < result.total ? `前 ${preview.length} 条，共 ${result.total} 条` : `共 ${result.total} 条`}</Text>}
    >
      {preview.map((p) => {
        const errors = byRow.get(p.row) ?? [];
        const state = errors.length ? 'error' : duplicateRows.has(p.row) ? 'duplicate' : 'ok';
        return (
          <View
            key={p.row}
            className={`${styles.previewRow} ${state === 'error' ? styles.previewBad : state === 'duplicate' ? styles.previewDup : ''} zc-import-preview-row`}
            data-state={state}
            data-row={p.row}
          >
            <Text className={styles.previewNo}>{p.row}</Text>
            <View className={styles.previewBody}>
              <Text className={`${styles.previewQuestion} zc-import-preview-question`}>{p.question || '（问题为空）'}</Text>
              <View className={styles.previewMeta}>
                <Tag tone={p.topic ? 'primary' : 'plain'}>{p.topic || '无类目'}</Tag>
                <Text className={styles.hint}>
                  {p.unit} · 相似问法 {p.similar} 个
                </Text>
                {state === 'duplicate' && <Tag tone="warn">重复</Tag>}
              </View>
              {errors.map((e, i) => (
                <Text key={i} className={`${styles.previewError} zc-import-preview-error`}>
                  {e.column ? `${e.column}：` : ''}
                  {e.message}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </Card>
  );
}

function Done({ result, published, onAgain }: { result: ImportResult; published: boolean; onAgain: () => void }) {
  const parts: string[] = [];
  if (result.imported) parts.push(`已导入 ${result.imported} 条，${published ? '已发布' : '均为草稿'}`);
  if (result.updated) parts.push(`${parts.length ? '' : '已'}更新 ${result.updated} 条`);
  if (result.skipped) parts.push(`跳过 ${result.skipped} 条`);
  return (
    <Card className="zc-import-done">
      <Text className={`${styles.summary} ${styles.ok}`}>{parts.join('，')}</Text>
      <Text className={`${styles.text} ${styles.doneText}`}>
        {result.imported === 0
          ? '已有的条目已按文件更新。'
          : published
            ? '居民现在就能搜到新增的问答。'
            : '在「管理问答」的草稿里检查后再发布。'}
      </Text>
      <Button className="zc-import-manage" type="primary" block onClick={backToManage}>
        去管理问答
      </Button>
      <Button className={`${styles.second} zc-import-again`} block fill="outline" onClick={onAgain}>
        继续导入
      </Button>
    </Card>
  );
}
