import { Button, type ButtonProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A form's submit button: shows progress and cannot be pressed twice while the request runs. Pressing it
 * does not take the focus first: otherwise the field being left would show its error, the layout would
 * shift under the pointer, and the click would miss the moving button.
 */
export function SubmitButton({
  loading,
  children,
  ...props
}: ButtonProps & { loading: boolean; children: ReactNode; disabled?: boolean }) {
  return (
    <Button type="submit" loading={loading} onMouseDown={(e: MouseEvent) => e.preventDefault()} {...props}>
      {children}
    </Button>
  );
}
