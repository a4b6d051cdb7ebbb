export default definePageConfig({ navigationBarTitleText: '高频问题', enablePullDownRefresh: true });
