export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/topics/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/topic/index',
    'pages/entry/index',
    'pages/ask/index',
    'pages/inquiries/index',
    'pages/inquiry/index',
  ],
  // Staff screens are a separate package: residents never download them.
  subPackages: [
    {
      root: 'pages/staff',
      pages: [
        'manage/index', 'edit/index', 'import/index', 'synonyms/index', 'inbox/index', 'handle/index',
        'redeem/index', 'dev/index', 'invite/index', 'people/index', 'profile/index', 'gaps/index', 'units/index',
      ],
    },
    // The public roster: a package of its own, so the main package stays small.
    { root: 'pages/roster', pages: ['index'] },
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
        pagePath: 'pages/topics/index',
        text: '分类',
        iconPath: 'assets/tab/topics.png',
        selectedIconPath: 'assets/tab/topics-active.png',
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
