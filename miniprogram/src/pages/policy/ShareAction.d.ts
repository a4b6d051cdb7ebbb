// The bundler picks ShareAction.weapp.tsx or ShareAction.h5.tsx; this is what the type checker sees.
/** 转发: WeChat's own share sheet in the mini-program; in a browser, the page's link copied. */
export declare function ShareAction(props: { className?: string }): JSX.Element;
