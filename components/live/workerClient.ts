/**
 * The page's side of the model worker: numbers requests, routes each event to the request
 * it belongs to, and cancels by terminating the worker and starting a fresh one (a
 * TensorFlow.js computation cannot be interrupted from outside any other way).
 */
import { parseEvent, type WorkerEvent, type WorkerRequest } from '@/lib/fido/protocol';

/** The part of `Worker` the client uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

/** Starts the real worker; Next bundles the module it points at as a separate chunk. */
export const createFidoWorker: WorkerFactory = () =>
  new Worker(new URL('../../lib/fido/worker.ts', import.meta.url), { type: 'module', name: 'fido-model' }) as unknown as WorkerLike;

export class CancelledError extends Error {
  constructor() {
    super('cancelled by the reader');
    this.name = 'CancelledError';
  }
}

type Final<T extends WorkerRequest['type']> = T extends 'init'
  ? Extract<WorkerEvent, { type: 'backend' }>
  : T extends 'calibrate'
    ? Extract<WorkerEvent, { type: 'calibration' }>
    : Extract<WorkerEvent, { type: 'done' }>;

const FINAL_EVENT: Record<WorkerRequest['type'], WorkerEvent['type']> = { init: 'backend', calibrate: 'calibration', run: 'done' };

interface Pending {
  finalType: WorkerEvent['type'];
  onEvent: (event: WorkerEvent) => void;
  resolve: (event: WorkerEvent) => void;
  reject: (error: Error) => void;
}

type Body<R> = R extends WorkerRequest ? Omit<R, 'id'> : never;

export class FidoWorkerClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly factory: WorkerFactory) {}

  /** Sends a request and resolves with its final event; `onEvent` receives every event before it. */
  request<R extends Body<WorkerRequest>>(body: R, onEvent: (event: WorkerEvent) => void = () => {}): Promise<Final<R['type']>> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        finalType: FINAL_EVENT[body.type],
        onEvent,
        resolve: resolve as (event: WorkerEvent) => void,
        reject,
      });
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  /** Stops whatever the worker is doing: pending requests reject with `CancelledError`. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(new CancelledError());
  }

  dispose(): void {
    this.cancel();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.factory();
    worker.onmessage = (message) => this.receive(message.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.worker?.terminate();
      this.worker = null;
      this.rejectAll(new Error(`The model worker failed: ${event.message || 'unknown error'}`));
    };
    this.worker = worker;
    return worker;
  }

  private receive(data: unknown): void {
    const parsed = parseEvent(data);
    if (!parsed.ok) {
      this.rejectAll(new Error(`The model worker sent an invalid message: ${parsed.error}`));
      return;
    }
    const event = parsed.value;
    const pending = this.pending.get(event.id);
    if (!pending) return;
    if (event.type === 'error') {
      this.pending.delete(event.id);
      pending.reject(new Error(event.message));
      return;
    }
    pending.onEvent(event);
    if (event.type === pending.finalType) {
      this.pending.delete(event.id);
      pending.resolve(event);
    }
  }

  private rejectAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const pending of waiting) pending.reject(error);
  }
}
