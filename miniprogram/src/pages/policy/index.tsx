import { Image, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import Tabs from '@nutui/nutui-react-taro/dist/es/packages/tabs';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import { isStale } from '@shared/policy/rules';
import type { Interpretation, Policy, PolicyAttachment } from '@shared/schemas/policy';
import { useState } from 'react';
import { Card } from '../../components/Card';
import { EntryCard } from '../../components/EntryCard';
import { InfoRow } from '../../components/InfoRow';
import { Page } from '../../components/Page';
import { ValidityTag } from '../../components/PolicyCard';
import { EmptyState, LoadState } from '../../components/Status';
import { Tag } from '../../components/Tag';
import { useEscape } from '../../hooks/useEscape';
import { useResource } from '../../hooks/useResource';
import { errorMessage } from '../../services/api';
import { fileUrl, getPolicy } from '../../services/policies';
import * as a11y from '../../utils/a11y';
import { fileSize, shanghaiDate } from '../../utils/format';
import { openFile } from '../../utils/open-file';
import { callPhone } from '../../utils/phone';
import { go, goTab, param, routes } from '../../utils/nav';
import { SubscribeActions } from './SubscribeActions';
import { ShareAction } from './ShareAction';
import { VideoBlock } from './VideoBlock';
import styles from './index.module.scss';

export default function PolicyPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const policy = useResource(() => getPolicy(id), [id]);
  useShareAppMessage(() => ({ title: policy.status === 'ok' ? policy.data.title : '政策文件', path: routes.policy(id) }));

  const back = (
    <Button type="primary" onClick={() => goTab(routes.policies())}>
      查看全部政策
    </Button>
  );
  if (!id) {
    return (
      <Page>
        <EmptyState title="缺少文件编号" hint="请从政策列表或搜索进入" action={back} />
      </Page>
    );
  }
  return (
    <Page className="zc-policy">
      <LoadState resource={policy} notFound={<EmptyState title="这份文件不存在或尚未发布" hint="请到政策列表重新查找" action={back} />} />
      {policy.status === 'ok' && <PolicyView policy={policy.data} />}
    </Page>
  );
}

function PolicyView({ policy: p }: { policy: Policy }) {
  const lastChange = p.history[p.history.length - 1];
  const successor = lastChange?.replacedBy ?? lastChange?.amendedBy ?? null;
  return (
    <View>
      <Card>
        <View className={styles.tags}>
          <ValidityTag validity={p.validity} />
          <Tag tone="plain">{p.type}</Tag>
          {p.topics.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
        </View>
        <Text className={`${styles.title} zc-policy-title`} {...a11y.heading(1)}>
          {p.title}
        </Text>
        {p.docNumber && <Text className={`${styles.docNumber} zc-policy-doc-number`}>{p.docNumber}</Text>}
        <View className={styles.facts}>
          <InfoRow label="发文机关">{p.issuer ?? p.unitName}</InfoRow>
          {p.signedDate && <InfoRow label="成文日期">{p.signedDate}</InfoRow>}
          {p.publishedDate && <InfoRow label="发布日期">{p.publishedDate}</InfoRow>}
          {p.effectiveDate && <InfoRow label="施行日期">{p.effectiveDate}</InfoRow>}
          {p.endDate && <InfoRow label="有效期至">{p.endDate}</InfoRow>}
        </View>
        <View className={styles.actions}>
          <SubscribeActions policy={p} />
          <ShareAction className={styles.action} />
        </View>
      </Card>

      {isStale(p.validity) && (
        <View className={`${styles.stale} zc-policy-stale`} {...{ role: 'alert' }}>
          <Text className={styles.staleTitle}>本文件{p.validity}</Text>
          {lastChange?.reason && <Text className={styles.staleText}>{lastChange.reason}</Text>}
          {successor && (
            <Text className={`${styles.staleLink} zc-policy-successor`} {...a11y.link()} onClick={() => go(routes.policy(successor.id))}>
              查看{lastChange?.amendedBy ? '修改它的' : '现行'}文件：{successor.title} ›
            </Text>
          )}
        </View>
      )}

      <Interpretations policy={p} />
      <FullText policy={p} />

      {p.tables.length > 0 && (
        <Card title="附表" className="zc-policy-tables">
          {p.tables.map((t, i) => (
            <PolicyTable key={i} rows={t.rows} />
          ))}
        </Card>
      )}

      {(p.attachments.length > 0 || p.attachmentNames.length > 0) && <Attachments policy={p} />}

      {p.relatedEntries.length > 0 && (
        <View className={`${styles.related} zc-policy-related`}>
          <Text className={styles.sectionTitle} {...a11y.heading(2)}>
            相关问答
          </Text>
          {p.relatedEntries.map((e) => (
            <EntryCard key={e.id} question={e.question} topic={e.topic} onClick={() => go(routes.entry(e.id))} />
          ))}
        </View>
      )}

      {(p.history.length > 0 || p.replaces.length > 0) && <History policy={p} />}
    </View>
  );
}

/** 政策解读: one tab per form (文字解读, 图解, 视频 …); first, because residents read these before the text. */
function Interpretations({ policy: p }: { policy: Policy }) {
  const forms = [...new Set(p.interpretations.map((i) => i.form))];
  const [form, setForm] = useState<string>(forms[0] ?? '');
  if (!p.interpretations.length) {
    return p.exemption ? (
      <Card title="政策解读" className="zc-policy-exemption">
        <Text className={styles.muted}>本文件按规定免于解读：{p.exemption.reason}</Text>
      </Card>
    ) : null;
  }
  return (
    <Card title="政策解读" className="zc-policy-interpretations">
      {forms.length > 1 ? (
        <Tabs value={form} onChange={(v) => setForm(String(v))} activeType="line" align="left" autoHeight className={styles.tabs}>
          {forms.map((f) => (
            <Tabs.TabPane key={f} title={f} value={f}>
              {p.interpretations
                .filter((i) => i.form === f)
                .map((i) => (
                  <InterpretationView key={i.id} item={i} />
                ))}
            </Tabs.TabPane>
          ))}
        </Tabs>
      ) : (
        p.interpretations.map((i) => <InterpretationView key={i.id} item={i} />)
      )}
    </Card>
  );
}

function InterpretationView({ item: i }: { item: Interpretation }) {
  const who = [i.unitName, i.interpreterName, i.interpreterTitle].filter(Boolean).join(' · ');
  return (
    <View className={`${styles.interpretation} zc-interpretation`}>
      <View className={styles.interpretationHead}>
        <Tag>{i.form}</Tag>
        <Text className={`${styles.interpretationTitle} zc-interpretation-title`} {...a11y.heading(3)}>
          {i.title}
        </Text>
      </View>
      {i.image && (
        <Image
          className={styles.image}
          src={fileUrl(i.image.url)}
          mode="widthFix"
          lazyLoad
          showMenuByLongpress
          ariaLabel={`图解：${i.title}`}
          onClick={() => void Taro.previewImage({ urls: [fileUrl(i.image!.url)] })}
        />
      )}
      {i.videoUrl && <VideoBlock className={styles.video} src={i.videoUrl} title={i.title} />}
      {i.body.map((para, n) => (
        <Text key={n} className={styles.paragraph}>
          {para}
        </Text>
      ))}
      <View className={styles.interpreter}>
        <Text className={styles.muted}>解读：{who}</Text>
        {i.contactPhone && (
          <Text className={`${styles.phone} zc-interpretation-phone`} {...a11y.button(`咨询电话 ${i.contactPhone}，点按拨打`)} onClick={() => callPhone(i.contactPhone!)}>
            咨询电话 {i.contactPhone}
          </Text>
        )}
      </View>
    </View>
  );
}

const sectionId = (n: number) => `zc-sec-${n}`;

/** The text in its sections; 目录 jumps to a heading. */
function FullText({ policy: p }: { policy: Policy }) {
  const [outline, setOutline] = useState(false);
  const [preface, setPreface] = useState(false);
  useEscape(outline, () => setOutline(false));
  const headings = p.sections.map((s, n) => ({ ...s, n })).filter((s) => s.level > 0 && s.level <= 2 && s.heading);
  const jump = (n: number) => {
    setOutline(false);
    // After the popup has closed, so the page can scroll.
    setTimeout(() => void Taro.pageScrollTo({ selector: `#${sectionId(n)}`, duration: 300, offsetTop: -8 }), 50);
  };
  if (!p.sections.length && !p.preface) return null;
  return (
    <Card
      title="原文"
      className="zc-policy-text"
      extra={
        headings.length > 1 ? (
          <Text className={`${styles.outlineBtn} zc-policy-outline-open`} {...a11y.button('目录，跳到某一节')} onClick={() => setOutline(true)}>
            目录
          </Text>
        ) : undefined
      }
    >
      {p.preface && (
        <View className={styles.preface}>
          <Text className={`${styles.prefaceToggle} zc-policy-preface`} {...a11y.button(preface ? '收起印发通知' : '展开印发通知')} onClick={() => setPreface(!preface)}>
            {p.preface.title} {preface ? '▴' : '▾'}
          </Text>
          {preface &&
            p.preface.text.split('\n').map((line, n) => (
              <Text key={n} className={styles.paragraph}>
                {line}
              </Text>
            ))}
        </View>
      )}
      {p.sections.map((s, n) => (
        <View key={n} id={sectionId(n)} className={`${styles.section} zc-policy-section`}>
          {s.heading && (
            // 一、 and （一） are the outline's headings; 1. and 一是 lead a paragraph, in bold only.
            <Text className={`${styles.heading} ${styles[`level${Math.min(s.level, 3)}`]}`} {...(s.level <= 2 ? a11y.heading(s.level + 2) : {})}>
              {s.heading}
            </Text>
          )}
          {s.text
            .split('\n')
            .filter((line) => line.trim())
            .map((line, k) => (
              <Text key={k} className={styles.paragraph}>
                {line}
              </Text>
            ))}
        </View>
      ))}
      <Popup visible={outline} position="bottom" round closeable title="目录" onClose={() => setOutline(false)}>
        <ScrollView scrollY className={`${styles.outline} zc-policy-outline`}>
          {headings.map((h) => (
            <View key={h.n} className={`${styles.outlineRow} ${h.level > 1 ? styles.outlineSub : ''} zc-policy-outline-row`} hoverClass={styles.pressed} {...a11y.link()} onClick={() => jump(h.n)}>
              {h.heading}
            </View>
          ))}
        </ScrollView>
      </Popup>
    </Card>
  );
}

/** A table as printed: it scrolls sideways on a phone instead of squeezing its columns. */
function PolicyTable({ rows }: { rows: string[][] }) {
  const [head, ...body] = rows;
  if (!head) return null;
  return (
    <ScrollView scrollX enhanced className={`${styles.tableScroll} zc-policy-table`}>
      <View className={styles.table} {...{ role: 'table' }}>
        {[head, ...body].map((row, r) => (
          <View key={r} className={`${styles.tr} ${r === 0 ? styles.th : ''}`} {...{ role: 'row' }}>
            {row.map((cell, c) => (
              <Text key={c} className={styles.td} {...{ role: r === 0 ? 'columnheader' : 'cell' }}>
                {cell}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}

function Attachments({ policy: p }: { policy: Policy }) {
  const [busy, setBusy] = useState<string | null>(null);
  const uploaded = new Set(p.attachments.map((a) => a.name));
  const open = async (a: PolicyAttachment) => {
    setBusy(a.id);
    try {
      await openFile(fileUrl(a.url), a.name);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title="附件" className="zc-policy-attachments">
      {p.attachments.map((a) => (
        <View key={a.id} className={`${styles.attachment} zc-policy-attachment`} hoverClass={styles.pressed} {...a11y.button(`打开附件 ${a.name}`)} onClick={() => void open(a)}>
          <Text className={styles.attachmentName}>{a.name}</Text>
          <Text className={styles.muted}>{busy === a.id ? '正在打开…' : fileSize(a.size)}</Text>
        </View>
      ))}
      {/* Named in the 附件说明 but not uploaded: said, so no one looks for it in vain. */}
      {p.attachmentNames
        .filter((n) => !uploaded.has(n))
        .map((n) => (
          <View key={n} className={styles.attachment}>
            <Text className={styles.attachmentName}>{n}</Text>
            <Text className={styles.muted}>见原文</Text>
          </View>
        ))}
    </Card>
  );
}

function History({ policy: p }: { policy: Policy }) {
  return (
    <Card title="有效性变化" className="zc-policy-history">
      {p.history.map((e, n) => {
        const other = e.replacedBy ?? e.amendedBy;
        return (
          <View key={n} className={styles.event}>
            <Text className={styles.eventTitle}>
              {shanghaiDate(e.at)}　{e.from} → {e.to}
            </Text>
            <Text className={styles.muted}>{e.reason}</Text>
            {other && (
              <Text className={styles.link} {...a11y.link()} onClick={() => go(routes.policy(other.id))}>
                {e.amendedBy ? '修改文件' : '替代文件'}：{other.title} ›
              </Text>
            )}
          </View>
        );
      })}
      {p.replaces.map((r) => (
        <View key={r.id} className={styles.event}>
          <Text className={styles.eventTitle}>本文件{r.relation}了</Text>
          <Text className={styles.link} {...a11y.link()} onClick={() => go(routes.policy(r.id))}>
            {r.title}
            {r.docNumber ? `（${r.docNumber}）` : ''} ›
          </Text>
        </View>
      ))}
    </Card>
  );
}
