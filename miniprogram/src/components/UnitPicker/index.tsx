import { ScrollView, Text, View } from '@tarojs/components';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import { UNIT_KIND_LABELS as KIND_LABELS } from '@shared/constants';
import type { Unit } from '@shared/schemas/auth';
import { useState } from 'react';
import { useEscape } from '../../hooks/useEscape';
import { useResource } from '../../hooks/useResource';
import * as a11y from '../../utils/a11y';
import { listUnits } from '../../services/manage';
import { EmptyState, ErrorState, Loading } from '../Status';
import styles from './index.module.scss';

/** A district or a city holds units; questions and staff belong to the units themselves. */
const CONTAINERS: readonly Unit['kind'][] = ['city', 'district'];

type Props = {
  value: Unit | null;
  onChange: (unit: Unit) => void;
  placeholder?: string;
  error?: string;
  /** As a filter: a first row, labelled with the placeholder, that chooses no unit. */
  onClear?: () => void;
};

/** A form row that opens a list of every unit (部门 and 街道) to choose from. */
export function UnitPicker({ value, onChange, placeholder = '请选择所属单位', error, onClear }: Props) {
  const [open, setOpen] = useState(false);
  useEscape(open, () => setOpen(false));
  return (
    <>
      <View
        className={`${styles.field} ${error ? styles.fieldError : ''} zc-unit-field`}
        hoverClass={styles.pressed}
        {...a11y.button(value ? `单位：${value.name}，点此更换` : placeholder)}
        onClick={() => setOpen(true)}
      >
        <Text className={value ? styles.value : styles.placeholder}>{value ? value.name : placeholder}</Text>
        <Text className={styles.chevron}>›</Text>
      </View>
      {error && <Text className={styles.error}>{error}</Text>}
      <Popup
        visible={open}
        position="bottom"
        round
        closeable
        title="选择单位"
        onClose={() => setOpen(false)}
        destroyOnClose
      >
        {open && (
          <UnitList
            selected={value?.id ?? null}
            onPick={(unit) => {
              onChange(unit);
              setOpen(false);
            }}
            clear={
              onClear && {
                label: placeholder,
                onPick: () => {
                  onClear();
                  setOpen(false);
                },
              }
            }
          />
        )}
      </Popup>
    </>
  );
}

function UnitList({
  selected,
  onPick,
  clear,
}: {
  selected: string | null;
  onPick: (unit: Unit) => void;
  clear?: { label: string; onPick: () => void };
}) {
  const units = useResource(() => listUnits().then((r) => ({ items: r.items.filter((u) => !CONTAINERS.includes(u.kind)) })), []);
  return (
    <ScrollView scrollY className={`${styles.list} zc-unit-list`}>
      {clear && units.status === 'ok' && (
        <View
          className={`${styles.option} ${selected === null ? styles.selected : ''} zc-unit-option zc-unit-all`}
          hoverClass={styles.pressed}
          {...a11y.button(clear.label)}
          onClick={clear.onPick}
        >
          <Text className={styles.optionName}>{clear.label}</Text>
        </View>
      )}
      {units.status === 'loading' && <Loading compact />}
      {units.status === 'error' && <ErrorState compact error={units.error} onRetry={units.reload} />}
      {units.status === 'ok' && units.data.items.length === 0 && <EmptyState compact title="还没有单位" />}
      {units.status === 'ok' &&
        units.data.items.map((unit) => (
          <View
            key={unit.id}
            className={`${styles.option} ${unit.id === selected ? styles.selected : ''} zc-unit-option`}
            hoverClass={styles.pressed}
            {...a11y.button(`${unit.name}，${KIND_LABELS[unit.kind]}`)}
            onClick={() => onPick(unit)}
          >
            <Text className={styles.optionName}>{unit.name}</Text>
            <Text className={styles.optionKind}>{KIND_LABELS[unit.kind]}</Text>
          </View>
        ))}
    </ScrollView>
  );
}
