'use client';
import { useEffect, useRef, useState } from 'react';
import type { QrGeometry } from '@/lib/lecture/qr';
import styles from './LectureMode.module.css';

interface QrDialogProps {
  open: boolean;
  /** The permalink the code carries, shown beside it as text too. */
  url: string;
  sectionTitle: string;
  onClose: () => void;
}

type QrState = { url: string; geometry: QrGeometry } | { url: string; error: string };

/**
 * Shows a QR code of `url` in a modal dialog, for students to open the page on their
 * phones. The encoder (the qrcode package) loads when the dialog first opens, so it
 * stays out of the article's first-load JavaScript.
 */
export function QrDialog({ open, url, sectionTitle, onClose }: QrDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [qr, setQr] = useState<QrState | null>(null);

  useEffect(() => {
    if (!open || !url) return;
    let cancelled = false;
    import('@/lib/lecture/qr')
      .then(({ qrGeometry }) => {
        if (!cancelled) setQr({ url, geometry: qrGeometry(url) });
      })
      .catch((error: unknown) => {
        if (!cancelled) setQr({ url, error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [open, url]);

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

  const current = qr && qr.url === url ? qr : null;

  return (
    <dialog ref={dialogRef} className={styles.qrDialog} aria-labelledby="lecture-qr-title" onClose={onClose}>
      {open && (
        <>
          <h2 id="lecture-qr-title">Open this on your device</h2>
          {current && 'geometry' in current ? (
            <svg
              className={styles.qrCode}
              viewBox={`0 0 ${current.geometry.viewBoxSize} ${current.geometry.viewBoxSize}`}
              role="img"
              aria-label={`QR code of ${url}`}
              data-permalink={url}
              shapeRendering="crispEdges"
            >
              <rect width={current.geometry.viewBoxSize} height={current.geometry.viewBoxSize} fill="#ffffff" />
              <path d={current.geometry.path} fill="#000000" />
            </svg>
          ) : (
            <p className={`${styles.qrCode} ${styles.qrPlaceholder}`} role="status">
              {current && 'error' in current
                ? `The QR code could not be drawn (${current.error}). Use the link below.`
                : 'Drawing the QR code…'}
            </p>
          )}
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
