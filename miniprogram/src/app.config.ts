export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/policies/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/topic/index',
    'pages/entry/index',
  ],
  // Staff screens are a separate package: residents never download them.
  subPackages: [
    {
      root: 'pages/staff',
      pages: [
        'manage/index', 'edit/index', 'import/index', 'synonyms/index', 'inbox/index', 'handle/index',
        'redeem/index', 'dev/index', 'invite/index', 'people/index', 'profile/index', 'gaps/index', 'units/index',
        'policies/index', 'policy-import/index', 'policy-edit/index', 'review/index', 'followups/index', 'followup/index', 'partners/index',
        'routing/index', 'calendar/index',
        'stats/index',
        'kb-gaps/index',
        'publish/index',
      ],
    },
    // A policy page and the resident's subscriptions: opened from the 政策 tab, search and messages.
    { root: 'pages/policy', pages: ['index', 'subscriptions/index'] },
    // 我要咨询 and the resident's inquiries: the main package keeps only what the first screens need.
    { root: 'pages/ask', pages: ['index'] },
    { root: 'pages/inquiries', pages: ['index'] },
    { root: 'pages/inquiry', pages: ['index'] },
    // Every topic with its count (from 首页's topic grid: 全部分类).
    { root: 'pages/topics', pages: ['index'] },
    // The public roster: a package of its own, so the main package stays small.
    { root: 'pages/roster', pages: ['index'] },
    // 咨询公开: published answers, a package of its own.
    { root: 'pages/public-answers', pages: ['index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#1A5FD0',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '政策咨询台',
    // Explicit so the H5 build draws its title bar (with a back button) too.
    navigationStyle: 'default',
    backgroundColor: '#F4F6FA',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5B6475',
    selectedColor: '#1A5FD0',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tab/policies.png',
        selectedIconPath: 'assets/tab/policies-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
});
