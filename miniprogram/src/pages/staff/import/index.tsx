import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import { CSV_HEADER, FAQ_LIMITS } from '@shared/constants';
import type { Me } from '@shared/schemas/auth';
import type { ImportResult } from '@shared/schemas/faq';
import { useState } from 'react';
import { ErrorState, Loading } from '../../../components/Status';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { errorMessage } from '../../../services/api';
import { pickCsvFile, type CsvFile } from '../../../services/csv-file';
import { importCsv } from '../../../services/manage';
import { canManage } from '../../../services/session';
import { routes } from '../../../utils/nav';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

/** Where the import stands: a file is always checked (a dry run) before anything is written. */
type Step =
  | { at: 'start' }
  | { at: 'checking'; file: CsvFile }
  | { at: 'checked'; file: CsvFile; result: ImportResult }
  | { at: 'failed'; file: CsvFile; error: unknown; writing: boolean }
  | { at: 'writing'; file: CsvFile; result: ImportResult }
  | { at: 'done'; file: CsvFile; imported: number; published: boolean };

// A long error list is cut here; the count says how many there are in all.
const SHOWN_ERRORS = 50;

/** 管理问答 opened this screen, and lists the new entries when shown again; else it is opened afresh. */
function backToManage() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.manage() });
}

export default function ImportPage() {
  const [user] = useStoredUser();

  if (!canManage(user)) {
    return <SignInRequired className={styles.page} hint="以单位编辑或政务公开办身份登录后，才能导入问答" />;
  }
  return <Importer user={user} />;
}

function Importer({ user }: { user: Me }) {
  const [step, setStep] = useState<Step>({ at: 'start' });
  const [publish, setPublish] = useState(false);

  const check = async (file: CsvFile) => {
    setStep({ at: 'checking', file });
    try {
      setStep({ at: 'checked', file, result: await importCsv(file.text, { dryRun: true, publish }) });
    } catch (error) {
      setStep({ at: 'failed', file, error, writing: false });
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

  const write = async (file: CsvFile, result: ImportResult) => {
    setStep({ at: 'writing', file, result });
    try {
      const written = await importCsv(file.text, { dryRun: false, publish });
      setStep({ at: 'done', file, imported: written.imported, published: publish });
    } catch (error) {
      setStep({ at: 'failed', file, error, writing: true });
    }
  };

  const owner = user.role === 'office' ? '「发文单位」列可填单位名称；空着的条目归入' : '条目都归入';
  return (
    <View className={`${styles.page} zc-import`} data-step={step.at}>
      <View className={styles.card}>
        <Text className={styles.title}>从表格导入问答</Text>
        <Text className={styles.text}>
          第一行是表头：<Text className={styles.code}>{CSV_HEADER.join(',')}</Text>，其中问题、答案必填；一格里有多个相似问法时用「；」隔开。
        </Text>
        <Text className={styles.text}>
          {owner}
          {user.unitName ?? '本单位'}。在 Excel 或 WPS 中「另存为 CSV UTF-8」后选择该文件；在手机上，先把文件发到微信（如「文件传输助手」）。
        </Text>
        <Text className={styles.text}>一次最多 {FAQ_LIMITS.importRows} 条。先检查每一行，有错误时一条也不会写入。</Text>
      </View>

      {step.at === 'start' && (
        <Button className="zc-import-pick" type="primary" block size="large" onClick={() => void choose()}>
          选择 CSV 文件
        </Button>
      )}

      {step.at === 'checking' && <Loading text={`正在检查「${step.file.name}」…`} />}

      {step.at === 'failed' && (
        <View className={styles.card}>
          <ErrorState
            compact
            title={step.writing ? '导入失败，未写入任何条目' : '检查失败'}
            error={step.error}
            onRetry={() => void check(step.file)}
          />
          <Button className={`${styles.second} zc-import-pick`} block fill="outline" onClick={() => void choose()}>
            重新选择文件
          </Button>
        </View>
      )}

      {(step.at === 'checked' || step.at === 'writing') && (
        <Checked
          file={step.file}
          result={step.result}
          publish={publish}
          writing={step.at === 'writing'}
          onPublish={setPublish}
          onPick={() => void choose()}
          onWrite={() => void write(step.file, step.result)}
        />
      )}

      {step.at === 'done' && (
        <View className={`${styles.card} ${styles.done} zc-import-done`}>
          <Text className={styles.okTitle}>
            已导入 {step.imported} 条{step.published ? '，已发布' : '，均为草稿'}
          </Text>
          <Text className={styles.text}>
            {step.published ? '居民现在就能搜到这些问答。' : '在「管理问答」的草稿里检查后再发布。'}
          </Text>
          <Button className="zc-import-manage" type="primary" block onClick={backToManage}>
            去管理问答
          </Button>
          <Button className={`${styles.second} zc-import-again`} block fill="outline" onClick={() => setStep({ at: 'start' })}>
            继续导入
          </Button>
        </View>
      )}
    </View>
  );
}

function Checked({
  file,
  result,
  publish,
  writing,
  onPublish,
  onPick,
  onWrite,
}: {
  file: CsvFile;
  result: ImportResult;
  publish: boolean;
  writing: boolean;
  onPublish: (publish: boolean) => void;
  onPick: () => void;
  onWrite: () => void;
}) {
  const { errors } = result;
  return (
    <View className={styles.card}>
      <Text className={`${styles.fileName} zc-import-file`}>{file.name}</Text>
      {errors.length > 0 ? (
        <>
          <Text className={`${styles.badTitle} zc-import-summary`}>发现 {errors.length} 处错误，改正后重新选择文件</Text>
          <View className={styles.errors}>
            {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <Text key={i} className={`${styles.errorRow} zc-import-error`}>
                {e.row > 0 ? `第 ${e.row} 条：` : ''}
                {e.message}
              </Text>
            ))}
            {errors.length > SHOWN_ERRORS && <Text className={styles.text}>还有 {errors.length - SHOWN_ERRORS} 处未列出</Text>}
          </View>
          <Button className="zc-import-pick" type="primary" block onClick={onPick}>
            重新选择文件
          </Button>
        </>
      ) : (
        <>
          <Text className={`${styles.okTitle} zc-import-summary`}>共 {result.imported} 条，检查通过</Text>
          <View className={styles.switchRow}>
            <View>
              <Text className={styles.switchLabel}>导入后立即发布</Text>
              <Text className={styles.switchHint}>{publish ? '居民导入后即可搜到' : '先存为草稿，检查后再发布'}</Text>
            </View>
            <Switch className="zc-import-publish" checked={publish} disabled={writing} onChange={onPublish} />
          </View>
          <Button className="zc-import-write" type="primary" block size="large" loading={writing} disabled={writing} onClick={onWrite}>
            导入 {result.imported} 条
          </Button>
          <Button className={`${styles.second} zc-import-pick`} block fill="outline" disabled={writing} onClick={onPick}>
            换一个文件
          </Button>
        </>
      )}
    </View>
  );
}
