export default definePageConfig({
  navigationBarTitleText: '政策咨询台',
  enablePullDownRefresh: true,
});
