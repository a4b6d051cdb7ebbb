import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { synonymGroupInput, type SynonymGroup } from '@shared/schemas/faq';
import { useEffect, useState } from 'react';
import { EmptyState } from '../../../components/Status';
import { useStoredUser } from '../../../hooks/useStoredUser';
import { useResource } from '../../../hooks/useResource';
import { ApiError, errorMessage } from '../../../services/api';
import { createSynonymGroup, deleteSynonymGroup, listSynonyms, updateSynonymGroup } from '../../../services/synonyms';
import { shanghaiDate, splitWords } from '../../../utils/format';
import { ListStatus } from '../components/ListError';
import { SignInRequired } from '../components/SignInRequired';
import styles from './index.module.scss';

/** Which group is open for editing: an existing one by id, or a new one (with the words typed so far). */
type Editing = { id: number; text: string } | { id: 'new'; text: string } | null;

/** The groups edited last come first, so a group just saved is where the office expects it. */
const newestFirst = (groups: SynonymGroup[]) =>
  [...groups].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id - b.id);

export default function Synonyms() {
  const [user] = useStoredUser();

  if (user?.role !== 'office') {
    return <SignInRequired className={styles.page} hint="以政务公开办身份登录后，才能维护同义词" />;
  }
  return <SynonymList />;
}

function SynonymList() {
  const list = useResource(listSynonyms, []);
  const [groups, setGroups] = useState<SynonymGroup[]>([]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    if (list.status === 'ok') setGroups(newestFirst(list.data.items));
  }, [list.status, list.data]);

  const needle = filter.trim().toLowerCase();
  const shown = needle ? groups.filter((g) => g.terms.some((t) => t.toLowerCase().includes(needle))) : groups;

  const startNew = (text = '') => {
    setFilter('');
    setEditing({ id: 'new', text });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  const saved = (group: SynonymGroup) => {
    setGroups((gs) => [group, ...gs.filter((g) => g.id !== group.id)]);
    setEditing(null);
    void Taro.showToast({ title: '已保存', icon: 'none' });
  };

  const remove = async (group: SynonymGroup) => {
    const [main, ...others] = group.terms;
    const { confirm } = await Taro.showModal({
      title: '删除这组同义词？',
      content: `删除后，搜索「${others.join('、')}」不再按「${main}」查找。`,
      confirmText: '删除',
      confirmColor: '#d93026',
    });
    if (!confirm) return;
    const drop = () => setGroups((gs) => gs.filter((g) => g.id !== group.id));
    try {
      await deleteSynonymGroup(group.id);
      drop();
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (err) {
      // Someone else deleted it first: it is gone either way.
      if (err instanceof ApiError && err.status === 404) drop();
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    }
  };

  return (
    <View className={styles.page}>
      <View className={styles.top}>
        <Text className={styles.intro}>
          居民用组里任何一个词搜索，都能找到用其他词写的问答。第一个词是标准说法。
        </Text>
        <Input
          className={`${styles.search} zc-synonym-filter`}
          value={filter}
          placeholder="查找词语"
          onInput={(e) => setFilter(e.detail.value)}
        />
      </View>

      <View className={styles.body}>
        <ListStatus list={list} />
        {list.status === 'ok' && (
          <>
            {editing?.id === 'new' && (
              <GroupEditor
                text={editing.text}
                onText={(text) => setEditing({ id: 'new', text })}
                onCancel={() => setEditing(null)}
                onSaved={saved}
              />
            )}
            {shown.length === 0 && editing?.id !== 'new' && (
              <EmptyState
                title={needle ? `没有包含「${filter.trim()}」的同义词组` : '还没有同义词组'}
                hint={needle ? '可以新建一组，把它和标准说法放在一起' : '点击下方「新增同义词组」添加第一组'}
                action={
                  needle ? (
                    <Button className="zc-synonym-new-from-filter" type="primary" fill="outline" onClick={() => startNew(filter.trim())}>
                      用「{filter.trim()}」新建
                    </Button>
                  ) : undefined
                }
              />
            )}
            {shown.length > 0 && (
              <Text className={`${styles.total} zc-synonym-total`}>
                {needle ? `找到 ${shown.length} 组` : `共 ${groups.length} 组`}
              </Text>
            )}
            {shown.map((group) =>
              editing?.id === group.id ? (
                <GroupEditor
                  key={group.id}
                  group={group}
                  text={editing.text}
                  onText={(text) => setEditing({ id: group.id, text })}
                  onCancel={() => setEditing(null)}
                  onSaved={saved}
                />
              ) : (
                <GroupCard
                  key={group.id}
                  group={group}
                  onEdit={() => setEditing({ id: group.id, text: group.terms.join('、') })}
                  onRemove={() => void remove(group)}
                />
              ),
            )}
          </>
        )}
      </View>

      {list.status === 'ok' && (
        <View className={styles.bar}>
          <Button className="zc-synonym-new" type="primary" block size="large" onClick={() => startNew()}>
            新增同义词组
          </Button>
        </View>
      )}
    </View>
  );
}

function GroupCard({ group, onEdit, onRemove }: { group: SynonymGroup; onEdit: () => void; onRemove: () => void }) {
  return (
    <View className={`${styles.card} zc-synonym-group`} data-id={group.id}>
      <View className={styles.terms}>
        {group.terms.map((term, i) => (
          <Text key={term} className={`${i === 0 ? styles.termMain : styles.term} zc-synonym-term`}>
            {term}
          </Text>
        ))}
      </View>
      <View className={styles.foot}>
        <Text className={styles.date}>更新于 {shanghaiDate(group.updatedAt)}</Text>
        <Button className={`${styles.action} zc-synonym-edit`} size="small" fill="outline" onClick={onEdit}>
          编辑
        </Button>
        <Button className={`${styles.action} zc-synonym-delete`} size="small" fill="outline" type="danger" onClick={onRemove}>
          删除
        </Button>
      </View>
    </View>
  );
}

function GroupEditor({
  group,
  text,
  onText,
  onCancel,
  onSaved,
}: {
  group?: SynonymGroup;
  text: string;
  onText: (text: string) => void;
  onCancel: () => void;
  onSaved: (group: SynonymGroup) => void;
}) {
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const terms = splitWords(text);

  const save = async () => {
    if (saving) return;
    // The API's own rules first; it adds what only it can know (a word another group holds).
    const check = synonymGroupInput.safeParse({ terms });
    if (!check.success) {
      setError(check.error.issues[0]?.message ?? '请检查填写的词语');
      return;
    }
    setSaving(true);
    try {
      onSaved(group ? await updateSynonymGroup(group.id, terms) : await createSynonymGroup(terms));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={`${styles.card} ${styles.editor} zc-synonym-editor`}>
      <Text className={styles.editorTitle}>{group ? '编辑同义词组' : '新增同义词组'}</Text>
      <Input
        className={`${styles.input} ${error ? styles.inputError : ''} zc-synonym-input`}
        value={text}
        focus
        placeholder="如：无犯罪记录证明、良民证"
        onInput={(e) => {
          onText(e.detail.value);
          setError('');
        }}
        onConfirm={() => void save()}
      />
      {error ? (
        <Text className={`${styles.error} zc-synonym-error`}>{error}</Text>
      ) : (
        <Text className={styles.hint}>词语之间用空格或顿号隔开，第一个词是标准说法</Text>
      )}
      {terms.length > 0 && (
        <View className={styles.terms}>
          {terms.map((term, i) => (
            <Text key={`${i}-${term}`} className={i === 0 ? styles.termMain : styles.term}>
              {term}
            </Text>
          ))}
        </View>
      )}
      <View className={styles.foot}>
        <Button className={`${styles.action} zc-synonym-cancel`} size="small" fill="outline" disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button className={`${styles.action} zc-synonym-save`} size="small" type="primary" loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
