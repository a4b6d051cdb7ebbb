export default definePageConfig({ navigationBarTitleText: '编辑问答' });
