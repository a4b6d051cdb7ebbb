export default definePageConfig({ navigationBarTitleText: '政策解答员名录' });
