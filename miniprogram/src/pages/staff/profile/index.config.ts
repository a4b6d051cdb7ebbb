export default definePageConfig({ navigationBarTitleText: '解答员资料' });
