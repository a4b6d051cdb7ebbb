// 转发: a resident can send an answer on to family in WeChat (the card opens this entry).
export default definePageConfig({ navigationBarTitleText: '问答详情', enableShareAppMessage: true });
