import { ArticlePage } from '@/components/article/ArticlePage';

export default function HomePage() {
  return <ArticlePage />;
}
