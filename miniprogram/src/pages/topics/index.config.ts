export default definePageConfig({ navigationBarTitleText: '政策分类', enablePullDownRefresh: true });
