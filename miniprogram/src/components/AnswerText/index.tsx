import { Text, View } from '@tarojs/components';
import { answerBlocks, type ListItem, type Run } from '@shared/text/answer-blocks';
import { Fragment, useMemo } from 'react';
import * as a11y from '../../utils/a11y';
import { callPhone } from '../../utils/phone';
import styles from './index.module.scss';

/**
 * An answer laid out as its text is written: paragraphs, numbered steps and lists, every word
 * selectable; a phone number in it rings when tapped. The text itself is shown exactly as written.
 */
export function AnswerText({ text, className = '' }: { text: string; className?: string }) {
  const blocks = useMemo(() => answerBlocks(text), [text]);
  return (
    <View className={`${styles.answer} ${className}`}>
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <Text key={i} className={`${styles.block} ${styles.paragraph} zc-answer-paragraph`} userSelect>
            <Runs runs={block.runs} />
          </Text>
        ) : (
          <View key={i} className={`${styles.block} ${styles.list}`}>
            {block.items.map((item, j) => (
              <Item key={j} item={item} numbered={block.kind === 'steps'} />
            ))}
          </View>
        ),
      )}
    </View>
  );
}

function Item({ item, numbered }: { item: ListItem; numbered: boolean }) {
  return (
    <View className={`${styles.item} ${numbered ? 'zc-answer-step' : 'zc-answer-item'}`}>
      <Text className={`${styles.marker} ${numbered ? '' : styles.bullet}`} userSelect>
        {item.marker}
      </Text>
      <Text className={styles.itemText} userSelect>
        <Runs runs={item.runs} />
      </Text>
    </View>
  );
}

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) =>
        run.kind === 'phone' ? (
          <Text key={i} className={`${styles.phone} zc-phone`} {...a11y.link(`拨打 ${run.text}`)} onClick={() => callPhone(run.number)}>
            {run.text}
          </Text>
        ) : (
          <Fragment key={i}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}
