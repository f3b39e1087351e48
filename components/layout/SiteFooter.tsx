export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        FiDO: de Jong, Zemlyanskiy, Ainslie, FitzGerald, Sanghai, Sha and Cohen, “FiDO: Fusion-in-Decoder optimized for
        stronger performance and faster inference”, Findings of ACL 2023 (
        <a href="https://arxiv.org/abs/2212.08153">arXiv 2212.08153</a>). Unless marked as the paper&apos;s, the numbers on
        this site come from an analytic cost model and from a tiny model that runs in your browser.
      </p>
    </footer>
  );
}
