;; Batched matrix product C[b] = A[b] · B[b] in float32 with WebAssembly SIMD.
;;
;; The wasm backend of TensorFlow.js 4.22 sends every batched or transposed product to a
;; scalar loop, so the encoder's attention (P·h products of n_p × d_kv by d_kv × n_p) runs
;; at about 2 GFLOP/s there. This kernel computes the same products in the backend's own
;; memory, which it imports, at the rate of the backend's square matmul.
;;
;; Two exports, both row-major and contiguous, with byte offsets into the imported memory
;; and sizes in elements. C is overwritten.
;;
;; batchMatMul: A [batch, m, k] · B [batch, k, n] -> C [batch, m, n], any sizes. Tiles of
;; 4 rows by 8 columns keep their 8 sums in registers while one pass over k multiplies a
;; broadcast element of A by two vectors of B. A single row takes 32 columns at a time,
;; so a one-row product reads whole 128-byte rows of B. Leftover rows run one at a time,
;; and leftover columns (n % 8) one at a time in scalar code. Each sum adds its k products
;; in order of k.
;;
;; batchMatMulTransposed: A [batch, m, k] · B[b]ᵀ with B [batch, n, k] -> C [batch, m, n],
;; k a multiple of 4. Each element is a dot product of two contiguous rows, 4 lanes at a
;; time, so a query reads cached keys stored one key per row.
;; Register tiles of batchMatMul. `a` points at the tile's first row of A, `b` and `c` at
;; its first column in B and C; row strides are in bytes.
(module
  (import "env" "memory" (memory 1))

  ;; C tile [4, 8] = A rows [4, k] · B columns [k, 8].
  (func $tile4x8 (param $a i32) (param $b i32) (param $c i32)
                 (param $k i32) (param $rowBytesA i32) (param $rowBytesB i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $w0 v128) (local $w1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (block $done (loop $inner
      (br_if $done (i32.eqz (local.get $k)))
      (local.set $w0 (v128.load (local.get $b)))
      (local.set $w1 (v128.load offset=16 (local.get $b)))
      (local.set $x0 (f32x4.splat (f32.load (local.get $a))))
      (local.set $x1 (f32x4.splat (f32.load (i32.add (local.get $a) (local.get $rowBytesA)))))
      (local.set $x2 (f32x4.splat (f32.load (i32.add (local.get $a) (i32.shl (local.get $rowBytesA) (i32.const 1))))))
      (local.set $x3 (f32x4.splat (f32.load (i32.add (local.get $a) (i32.mul (local.get $rowBytesA) (i32.const 3))))))
      (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x0) (local.get $w0))))
      (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x0) (local.get $w1))))
      (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x1) (local.get $w0))))
      (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x1) (local.get $w1))))
      (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x2) (local.get $w0))))
      (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x2) (local.get $w1))))
      (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x3) (local.get $w0))))
      (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x3) (local.get $w1))))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (local.get $rowBytesB)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br $inner)))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytesB)))
    (v128.store (local.get $c) (local.get $c10))
    (v128.store offset=16 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytesB)))
    (v128.store (local.get $c) (local.get $c20))
    (v128.store offset=16 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytesB)))
    (v128.store (local.get $c) (local.get $c30))
    (v128.store offset=16 (local.get $c) (local.get $c31))
  )

  ;; C tile [1, 8] = A row [1, k] · B columns [k, 8].
  (func $tile1x8 (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $rowBytesB i32)
    (local $x v128) (local $c0 v128) (local $c1 v128)
    (block $done (loop $inner
      (br_if $done (i32.eqz (local.get $k)))
      (local.set $x (f32x4.splat (f32.load (local.get $a))))
      (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $x) (v128.load (local.get $b)))))
      (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (local.get $rowBytesB)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br $inner)))
    (v128.store (local.get $c) (local.get $c0))
    (v128.store offset=16 (local.get $c) (local.get $c1))
  )

  ;; C tile [1, 32] = A row [1, k] · B columns [k, 32]: 128 contiguous bytes of B per step.
  (func $tile1x32 (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $rowBytesB i32)
    (local $x v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128)
    (block $done (loop $inner
      (br_if $done (i32.eqz (local.get $k)))
      (local.set $x (f32x4.splat (f32.load (local.get $a))))
      (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $x) (v128.load (local.get $b)))))
      (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $b)))))
      (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $x) (v128.load offset=32 (local.get $b)))))
      (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $x) (v128.load offset=48 (local.get $b)))))
      (local.set $c4 (f32x4.add (local.get $c4) (f32x4.mul (local.get $x) (v128.load offset=64 (local.get $b)))))
      (local.set $c5 (f32x4.add (local.get $c5) (f32x4.mul (local.get $x) (v128.load offset=80 (local.get $b)))))
      (local.set $c6 (f32x4.add (local.get $c6) (f32x4.mul (local.get $x) (v128.load offset=96 (local.get $b)))))
      (local.set $c7 (f32x4.add (local.get $c7) (f32x4.mul (local.get $x) (v128.load offset=112 (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (local.set $b (i32.add (local.get $b) (local.get $rowBytesB)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br $inner)))
    (v128.store (local.get $c) (local.get $c0))
    (v128.store offset=16 (local.get $c) (local.get $c1))
    (v128.store offset=32 (local.get $c) (local.get $c2))
    (v128.store offset=48 (local.get $c) (local.get $c3))
    (v128.store offset=64 (local.get $c) (local.get $c4))
    (v128.store offset=80 (local.get $c) (local.get $c5))
    (v128.store offset=96 (local.get $c) (local.get $c6))
    (v128.store offset=112 (local.get $c) (local.get $c7))
  )

  ;; C column [rows, 1] = A rows [rows, k] · B column [k, 1], in scalar code.
  (func $column (param $a i32) (param $b i32) (param $c i32) (param $rows i32)
                (param $k i32) (param $rowBytesA i32) (param $rowBytesB i32)
    (local $pa i32) (local $pb i32) (local $remaining i32) (local $sum f32)
    (block $rowsDone (loop $rowLoop
      (br_if $rowsDone (i32.eqz (local.get $rows)))
      (local.set $pa (local.get $a))
      (local.set $pb (local.get $b))
      (local.set $remaining (local.get $k))
      (local.set $sum (f32.const 0))
      (block $done (loop $inner
        (br_if $done (i32.eqz (local.get $remaining)))
        (local.set $sum (f32.add (local.get $sum) (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
        (local.set $pb (i32.add (local.get $pb) (local.get $rowBytesB)))
        (local.set $remaining (i32.sub (local.get $remaining) (i32.const 1)))
        (br $inner)))
      (f32.store (local.get $c) (local.get $sum))
      (local.set $a (i32.add (local.get $a) (local.get $rowBytesA)))
      (local.set $c (i32.add (local.get $c) (local.get $rowBytesB)))
      (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
      (br $rowLoop)))
  )

  ;; Computes `rows` (1 or 4) rows of C, starting at A row `a` and C row `c`, over all n columns.
  (func $rowBlock (param $a i32) (param $b i32) (param $c i32)
                  (param $rows i32) (param $k i32) (param $n i32)
    (local $rowBytesA i32) (local $rowBytesB i32) (local $column i32) (local $offset i32)
    (local.set $rowBytesA (i32.shl (local.get $k) (i32.const 2)))
    (local.set $rowBytesB (i32.shl (local.get $n) (i32.const 2)))
    (if (i32.eq (local.get $rows) (i32.const 1))
      (then
        (block $wideDone (loop $wide
          (br_if $wideDone (i32.gt_u (i32.add (local.get $column) (i32.const 32)) (local.get $n)))
          (local.set $offset (i32.shl (local.get $column) (i32.const 2)))
          (call $tile1x32 (local.get $a) (i32.add (local.get $b) (local.get $offset))
            (i32.add (local.get $c) (local.get $offset)) (local.get $k) (local.get $rowBytesB))
          (local.set $column (i32.add (local.get $column) (i32.const 32)))
          (br $wide)))))
    (block $narrowDone (loop $narrow
      (br_if $narrowDone (i32.gt_u (i32.add (local.get $column) (i32.const 8)) (local.get $n)))
      (local.set $offset (i32.shl (local.get $column) (i32.const 2)))
      (if (i32.eq (local.get $rows) (i32.const 4))
        (then
          (call $tile4x8 (local.get $a) (i32.add (local.get $b) (local.get $offset))
            (i32.add (local.get $c) (local.get $offset)) (local.get $k) (local.get $rowBytesA) (local.get $rowBytesB)))
        (else
          (call $tile1x8 (local.get $a) (i32.add (local.get $b) (local.get $offset))
            (i32.add (local.get $c) (local.get $offset)) (local.get $k) (local.get $rowBytesB))))
      (local.set $column (i32.add (local.get $column) (i32.const 8)))
      (br $narrow)))
    (block $scalarDone (loop $scalar
      (br_if $scalarDone (i32.ge_u (local.get $column) (local.get $n)))
      (local.set $offset (i32.shl (local.get $column) (i32.const 2)))
      (call $column (local.get $a) (i32.add (local.get $b) (local.get $offset)) (i32.add (local.get $c) (local.get $offset))
        (local.get $rows) (local.get $k) (local.get $rowBytesA) (local.get $rowBytesB))
      (local.set $column (i32.add (local.get $column) (i32.const 1)))
      (br $scalar)))
  )

  ;; C[b] = A[b] · B[b] for b in 0 .. batch - 1.
  (func (export "batchMatMul") (param $a i32) (param $b i32) (param $c i32)
        (param $batch i32) (param $m i32) (param $k i32) (param $n i32)
    (local $index i32) (local $row i32) (local $rows i32)
    (local $matrixA i32) (local $matrixB i32) (local $matrixC i32)
    (local $rowBytesA i32) (local $rowBytesC i32)
    (local.set $rowBytesA (i32.shl (local.get $k) (i32.const 2)))
    (local.set $rowBytesC (i32.shl (local.get $n) (i32.const 2)))
    (block $batchDone (loop $batches
      (br_if $batchDone (i32.ge_u (local.get $index) (local.get $batch)))
      (local.set $matrixA (i32.add (local.get $a) (i32.mul (local.get $index) (i32.mul (local.get $m) (local.get $rowBytesA)))))
      (local.set $matrixB (i32.add (local.get $b) (i32.mul (local.get $index) (i32.mul (local.get $k) (local.get $rowBytesC)))))
      (local.set $matrixC (i32.add (local.get $c) (i32.mul (local.get $index) (i32.mul (local.get $m) (local.get $rowBytesC)))))
      (local.set $row (i32.const 0))
      (block $rowsDone (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $m)))
        (local.set $rows (select (i32.const 4) (i32.const 1)
          (i32.le_u (i32.add (local.get $row) (i32.const 4)) (local.get $m))))
        (call $rowBlock
          (i32.add (local.get $matrixA) (i32.mul (local.get $row) (local.get $rowBytesA)))
          (local.get $matrixB)
          (i32.add (local.get $matrixC) (i32.mul (local.get $row) (local.get $rowBytesC)))
          (local.get $rows) (local.get $k) (local.get $n))
        (local.set $row (i32.add (local.get $row) (local.get $rows)))
        (br $rowLoop)))
      (local.set $index (i32.add (local.get $index) (i32.const 1)))
      (br $batches)))
  )

  ;; Horizontal sum of the 4 lanes of `v`.
  (func $laneSum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v))))
  )

  ;; C[b] = A[b] · B[b]ᵀ for b in 0 .. batch - 1, with B [batch, n, k] and k % 4 == 0.
  ;; Four keys (rows of B) at a time share each loaded chunk of the query row and keep four
  ;; independent sums, so the adds do not wait on one another. Leftover keys go one at a time.
  (func (export "batchMatMulTransposed") (param $a i32) (param $b i32) (param $c i32)
        (param $batch i32) (param $m i32) (param $k i32) (param $n i32)
    (local $index i32) (local $i i32) (local $j i32)
    (local $matrixB i32) (local $rowA i32) (local $rowB i32) (local $pa i32) (local $pb i32) (local $end i32)
    (local $rowBytes i32) (local $out i32) (local $x v128)
    (local $sum0 v128) (local $sum1 v128) (local $sum2 v128) (local $sum3 v128)
    (local.set $rowBytes (i32.shl (local.get $k) (i32.const 2)))
    (block $batchDone (loop $batches
      (br_if $batchDone (i32.ge_u (local.get $index) (local.get $batch)))
      (local.set $matrixB (i32.add (local.get $b) (i32.mul (local.get $index) (i32.mul (local.get $n) (local.get $rowBytes)))))
      (local.set $rowA (i32.add (local.get $a) (i32.mul (local.get $index) (i32.mul (local.get $m) (local.get $rowBytes)))))
      (local.set $out (i32.add (local.get $c) (i32.shl (i32.mul (i32.mul (local.get $index) (local.get $m)) (local.get $n)) (i32.const 2))))
      (local.set $i (i32.const 0))
      (block $queriesDone (loop $queries
        (br_if $queriesDone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $end (i32.add (local.get $rowA) (local.get $rowBytes)))
        (local.set $rowB (local.get $matrixB))
        (local.set $j (i32.const 0))
        (block $quadsDone (loop $quads
          (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
          (local.set $sum0 (v128.const i32x4 0 0 0 0)) (local.set $sum1 (v128.const i32x4 0 0 0 0))
          (local.set $sum2 (v128.const i32x4 0 0 0 0)) (local.set $sum3 (v128.const i32x4 0 0 0 0))
          (local.set $pa (local.get $rowA))
          (local.set $pb (local.get $rowB))
          (block $done (loop $inner
            (br_if $done (i32.ge_u (local.get $pa) (local.get $end)))
            (local.set $x (v128.load (local.get $pa)))
            (local.set $sum0 (f32x4.add (local.get $sum0) (f32x4.mul (local.get $x) (v128.load (local.get $pb)))))
            (local.set $sum1 (f32x4.add (local.get $sum1)
              (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $pb) (local.get $rowBytes))))))
            (local.set $sum2 (f32x4.add (local.get $sum2)
              (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $pb) (i32.shl (local.get $rowBytes) (i32.const 1)))))))
            (local.set $sum3 (f32x4.add (local.get $sum3)
              (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $pb) (i32.mul (local.get $rowBytes) (i32.const 3)))))))
            (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
            (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
            (br $inner)))
          (f32.store (local.get $out) (call $laneSum (local.get $sum0)))
          (f32.store offset=4 (local.get $out) (call $laneSum (local.get $sum1)))
          (f32.store offset=8 (local.get $out) (call $laneSum (local.get $sum2)))
          (f32.store offset=12 (local.get $out) (call $laneSum (local.get $sum3)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (local.set $rowB (i32.add (local.get $rowB) (i32.shl (local.get $rowBytes) (i32.const 2))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br $quads)))
        (block $keysDone (loop $keys
          (br_if $keysDone (i32.ge_u (local.get $j) (local.get $n)))
          (local.set $sum0 (v128.const i32x4 0 0 0 0))
          (local.set $pa (local.get $rowA))
          (local.set $pb (local.get $rowB))
          (block $done (loop $inner
            (br_if $done (i32.ge_u (local.get $pa) (local.get $end)))
            (local.set $sum0 (f32x4.add (local.get $sum0) (f32x4.mul (v128.load (local.get $pa)) (v128.load (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
            (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
            (br $inner)))
          (f32.store (local.get $out) (call $laneSum (local.get $sum0)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (local.set $rowB (i32.add (local.get $rowB) (local.get $rowBytes)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $keys)))
        (local.set $rowA (i32.add (local.get $rowA) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $queries)))
      (local.set $index (i32.add (local.get $index) (i32.const 1)))
      (br $batches)))
  )
)
