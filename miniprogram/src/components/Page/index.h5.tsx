import { View } from '@tarojs/components';
import { useEffect, type PropsWithChildren } from 'react';
import { useStoredUser } from '../../hooks/useStoredUser';
import { useElder } from '../../stores/elder';
import { SideNav } from '../SideNav';
import styles from './index.module.scss';

type Props = PropsWithChildren<{
  /** `flush`: no side padding (a page with its own full-width header); `bar`: room for a fixed bottom bar. */
  variant?: 'padded' | 'flush';
  bar?: boolean;
  className?: string;
}>;

/**
 * Every screen's root (H5): as in the mini-program, plus, for staff, the side navigation a
 * wide screen shows (its stylesheet hides it on a phone).
 */
export function Page({ variant = 'padded', bar = false, className = '', children }: Props) {
  const { on } = useElder();
  const [user] = useStoredUser();
  const staff = !!user && user.role !== 'resident';
  // The tab bar lives outside the page: the document root tells it the side navigation took its place.
  useEffect(() => {
    document.documentElement.classList.toggle('zc-staff-nav', staff);
  }, [staff]);
  return (
    <View
      className={`${styles.page} ${styles[variant]} ${bar ? styles.bar : ''} ${staff ? styles.withNav : ''} ${on ? 'zc-elder' : ''} ${className}`}
    >
      {staff && <SideNav user={user} />}
      {children}
    </View>
  );
}
