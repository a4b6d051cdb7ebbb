export default definePageConfig({ navigationBarTitleText: '名录缺口', enablePullDownRefresh: true });
