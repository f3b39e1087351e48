import Link from 'next/link';

export default function HomePage() {
  return (
    <article>
      <h1>Why Fusion-in-Decoder decoding is slow, and how FiDO fixes it</h1>
      <p>
        Open the <Link href="/playground/">playground</Link> to explore the inference cost of FiD, FiD-Light and FiDO.
      </p>
    </article>
  );
}
