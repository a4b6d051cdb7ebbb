export default definePageConfig({ navigationBarTitleText: '导入政策文件' });
