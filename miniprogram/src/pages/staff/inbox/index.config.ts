export default definePageConfig({ navigationBarTitleText: '咨询工作台', enablePullDownRefresh: true });
