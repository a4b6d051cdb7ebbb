export default definePageConfig({ navigationBarTitleText: '管理政策文件' });
