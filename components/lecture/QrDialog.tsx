'use client';
import { useEffect, useMemo, useRef } from 'react';
import { qrGeometry } from '@/lib/lecture/qr';
import styles from './LectureMode.module.css';

interface QrDialogProps {
  open: boolean;
  /** The permalink the code carries, shown beside it as text too. */
  url: string;
  sectionTitle: string;
  onClose: () => void;
}

/** Shows a QR code of `url` in a modal dialog, for students to open the page on their phones. */
export function QrDialog({ open, url, sectionTitle, onClose }: QrDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const qr = useMemo(() => (open ? qrGeometry(url) : null), [open, url]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom has no showModal, but the open attribute shows the same content there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // showModal focuses the first focusable element (the link), but Close is the likelier next key.
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog ref={dialogRef} className={styles.qrDialog} aria-labelledby="lecture-qr-title" onClose={onClose}>
      {qr && (
        <>
          <h2 id="lecture-qr-title">Open this on your device</h2>
          <svg
            className={styles.qrCode}
            viewBox={`0 0 ${qr.viewBoxSize} ${qr.viewBoxSize}`}
            role="img"
            aria-label={`QR code of ${url}`}
            data-permalink={url}
            shapeRendering="crispEdges"
          >
            <rect width={qr.viewBoxSize} height={qr.viewBoxSize} fill="#ffffff" />
            <path d={qr.path} fill="#000000" />
          </svg>
          <p className={styles.qrCaption}>
            The article at “{sectionTitle}”, with this configuration:
            <br />
            <a href={url} className={styles.qrUrl}>
              {url}
            </a>
          </p>
          <button type="button" className={styles.button} onClick={onClose} ref={closeRef}>
            Close <kbd>q</kbd>
          </button>
        </>
      )}
    </dialog>
  );
}
