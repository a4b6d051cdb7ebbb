// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// .cjs because the repository root package.json says "type": "module"; babel loads this with require().
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
