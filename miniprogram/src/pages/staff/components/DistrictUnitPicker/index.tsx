import { ScrollView, Text, View } from '@tarojs/components';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import { UNIT_KIND_LABELS } from '@shared/constants';
import type { Unit } from '@shared/schemas/auth';
import { useState } from 'react';
import { useEscape } from '../../../../hooks/useEscape';
import { unitTree } from '../../../../services/staff';
import * as a11y from '../../../../utils/a11y';
import styles from './index.module.scss';

const indent = (depth: number) => styles[`depth${Math.min(depth, 4)}`] ?? '';

/** Staff belong to units; a district or a city only holds them. */
export const holdsStaff = (u: Unit) => u.kind !== 'city' && u.kind !== 'district';

type Props = {
  /** The office's district as /api/manage/units gives it; retired units are never offered. */
  units: Unit[];
  value: Unit | null;
  onChange: (unit: Unit) => void;
  /** Which units may be chosen; the others stay in the list as headings of their branch. */
  selectable?: (unit: Unit) => boolean;
  placeholder?: string;
  title?: string;
  error?: string;
  /** As a filter: a first row, labelled with the placeholder, that chooses no unit. */
  onClear?: () => void;
  className?: string;
};

/** A form row that opens the office's district as a tree, to choose one unit from. */
export function DistrictUnitPicker({
  units,
  value,
  onChange,
  selectable = holdsStaff,
  placeholder = '请选择单位',
  title = '选择单位',
  error,
  onClear,
  className = '',
}: Props) {
  const [open, setOpen] = useState(false);
  useEscape(open, () => setOpen(false));
  const rows = unitTree(units.filter((u) => !u.retired));
  const pick = (unit: Unit | null) => {
    if (unit) onChange(unit);
    else onClear?.();
    setOpen(false);
  };
  return (
    <>
      <View
        className={`${styles.field} ${error ? styles.fieldError : ''} zc-unit-field ${className}`}
        hoverClass={styles.pressed}
        {...a11y.button(value ? `单位：${value.name}，点此更换` : placeholder)}
        onClick={() => setOpen(true)}
      >
        <Text className={value ? styles.value : styles.placeholder}>{value ? value.name : placeholder}</Text>
        <Text className={styles.chevron} {...a11y.hidden()}>
          ›
        </Text>
      </View>
      {error && <Text className={`${styles.error} zc-field-error`}>{error}</Text>}
      <Popup visible={open} position="bottom" round closeable title={title} onClose={() => setOpen(false)} destroyOnClose>
        {open && (
          <ScrollView scrollY className={`${styles.list} zc-unit-list`}>
            {onClear && (
              <View
                className={`${styles.option} ${value === null ? styles.selected : ''} zc-unit-option zc-unit-all`}
                hoverClass={styles.pressed}
                {...a11y.button(placeholder)}
                onClick={() => pick(null)}
              >
                <Text className={styles.optionName}>{placeholder}</Text>
              </View>
            )}
            {rows.map(({ unit, depth }) =>
              selectable(unit) ? (
                <View
                  key={unit.id}
                  className={`${styles.option} ${indent(depth)} ${unit.id === value?.id ? styles.selected : ''} zc-unit-option`}
                  data-id={unit.id}
                  hoverClass={styles.pressed}
                  {...a11y.button(`${unit.name}，${UNIT_KIND_LABELS[unit.kind]}`)}
                  onClick={() => pick(unit)}
                >
                  <Text className={styles.optionName}>{unit.name}</Text>
                  <Text className={styles.optionKind}>{UNIT_KIND_LABELS[unit.kind]}</Text>
                </View>
              ) : (
                <View key={unit.id} className={`${styles.branch} ${indent(depth)}`}>
                  <Text className={styles.branchName}>{unit.name}</Text>
                </View>
              ),
            )}
          </ScrollView>
        )}
      </Popup>
    </>
  );
}
