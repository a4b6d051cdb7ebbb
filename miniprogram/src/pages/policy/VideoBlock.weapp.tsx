import { Video } from '@tarojs/components';

export function VideoBlock({ src, title, className = '' }: { src: string; title: string; className?: string }) {
  return <Video className={className} src={src} controls objectFit="contain" title={title} />;
}
