// Spread onto a Taro <View>/<Text>: `<View {...a11y.button('搜索')} onClick={…}>`.
type A11yProps = Record<string, string | number | boolean>;
export function button(label?: string): A11yProps;
export function link(label?: string): A11yProps;
export function hidden(): A11yProps;
export function heading(level?: number): A11yProps;
export function tab(selected: boolean): A11yProps;
export function toggle(checked: boolean, label: string): A11yProps;
export function choice(selected: boolean): A11yProps;
export function checkbox(checked: boolean): A11yProps;
