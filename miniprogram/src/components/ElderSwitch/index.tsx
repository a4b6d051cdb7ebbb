import { Text, View } from '@tarojs/components';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import { setElder, useElder } from '../../stores/elder';
import * as a11y from '../../utils/a11y';
import styles from './index.module.scss';

/** 长辈模式's one switch: the whole row is the target, not only the knob. */
export function ElderSwitch() {
  const { on } = useElder();
  return (
    <View
      className={`${styles.row} zc-elder-switch`}
      data-on={on ? 'on' : 'off'}
      {...a11y.toggle(on, '长辈模式')}
      onClick={() => setElder(!on)}
    >
      <View className={styles.text} {...a11y.hidden()}>
        <Text className={styles.title}>长辈模式</Text>
        <Text className={styles.hint}>字更大、按钮更大，首页只留最常用的</Text>
      </View>
      <View {...a11y.hidden()}>
        <Switch checked={on} />
      </View>
    </View>
  );
}
