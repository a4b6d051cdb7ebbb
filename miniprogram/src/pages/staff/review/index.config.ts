export default definePageConfig({ navigationBarTitleText: '需复核的问答' });
