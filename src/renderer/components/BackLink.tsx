import { Anchor, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The one "back" link every screen starts with: same place, same arrow, and a 40 px tall target for
 * touch. `spokenArrow` keeps a text arrow in the accessible name ("← Today") for links that were
 * named that way, while the eye sees the same icon as everywhere else.
 */
export function BackLink(props: { to: string; children: ReactNode; spokenArrow?: boolean; className?: string }) {
  return (
    <Anchor
      component={Link}
      to={props.to}
      size="sm"
      fw={500}
      underline="hover"
      className={props.className}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 40, alignSelf: 'flex-start' }}
    >
      <IconArrowLeft size={16} aria-hidden />
      {props.spokenArrow && <VisuallyHidden>← </VisuallyHidden>}
      {props.children}
    </Anchor>
  );
}
