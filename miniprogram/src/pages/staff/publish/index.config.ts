export default definePageConfig({ navigationBarTitleText: '公开此答复' });
