// The bundler picks VideoBlock.weapp.tsx or VideoBlock.h5.tsx; this is what the type checker sees.
/** A 视频 interpretation played inline. */
export declare function VideoBlock(props: { src: string; title: string; className?: string }): JSX.Element;
