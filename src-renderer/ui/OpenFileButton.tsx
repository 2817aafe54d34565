// A button that asks for one file and hands it over: the hidden file input behind it is reset
// each time, so the same file can be chosen twice (a retry after fixing a problem).
import { useRef, type ReactNode } from 'react';

interface OpenFileButtonProps {
  /** The file dialog's filter, as in <input accept>. */
  accept: string;
  /** Names the hidden input for tests that hand it a file directly. */
  testId: string;
  onFile: (file: File) => void | Promise<void>;
  children: ReactNode;
}

export function OpenFileButton({ accept, testId, onFile, children }: OpenFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void onFile(file);
        }}
      />
    </>
  );
}
