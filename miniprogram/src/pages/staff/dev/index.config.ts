export default definePageConfig({ navigationBarTitleText: '开发环境登录' });
