;; Batched matrix product C[b] = A[b] · B[b] in float32 with WebAssembly SIMD.
;;
;; The wasm backend of TensorFlow.js 4.22 sends every batched or transposed product to a
;; scalar loop, so the encoder's attention (P·h products of n_p × d_kv by d_kv × n_p) runs
;; at about 2 GFLOP/s there. This kernel computes the same products in the backend's own
;; memory, which it imports, at the rate of the backend's square matmul.
;;
;; Layout: row-major and contiguous. A is [batch, m, k], B is [batch, k, n] and C is
;; [batch, m, n]. The caller passes byte offsets into the imported memory and guarantees
;; n % 8 == 0. Any m and k work. C is overwritten.
;;
;; Each tile of 4 rows by 8 columns keeps its 8 sums in registers while one pass over k
;; multiplies a broadcast element of A by two vectors of B. Rows left over after the
;; blocks of 4 run one at a time. Each sum adds its k products in order of k.
(module
  (import "env" "memory" (memory 1))

  ;; Computes one row block: `rows` (1 or 4) rows of C starting at byte offset `c`.
  (func $rowBlock (param $a i32) (param $b i32) (param $c i32)
                  (param $rows i32) (param $k i32) (param $n i32)
    (local $rowBytesA i32) (local $rowBytesB i32)
    (local $column i32) (local $remaining i32) (local $pa i32) (local $pb i32) (local $pc i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $w0 v128) (local $w1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $rowBytesA (i32.shl (local.get $k) (i32.const 2)))
    (local.set $rowBytesB (i32.shl (local.get $n) (i32.const 2)))
    (local.set $column (i32.const 0))
    (block $columnsDone (loop $columns
      (br_if $columnsDone (i32.ge_u (local.get $column) (local.get $n)))
      (local.set $c00 (v128.const i32x4 0 0 0 0)) (local.set $c01 (v128.const i32x4 0 0 0 0))
      (local.set $c10 (v128.const i32x4 0 0 0 0)) (local.set $c11 (v128.const i32x4 0 0 0 0))
      (local.set $c20 (v128.const i32x4 0 0 0 0)) (local.set $c21 (v128.const i32x4 0 0 0 0))
      (local.set $c30 (v128.const i32x4 0 0 0 0)) (local.set $c31 (v128.const i32x4 0 0 0 0))
      (local.set $pa (local.get $a))
      (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $column) (i32.const 2))))
      (local.set $remaining (local.get $k))
      (if (i32.eq (local.get $rows) (i32.const 4))
        (then
          (block $innerDone (loop $inner
            (br_if $innerDone (i32.eqz (local.get $remaining)))
            (local.set $w0 (v128.load (local.get $pb)))
            (local.set $w1 (v128.load offset=16 (local.get $pb)))
            (local.set $x0 (f32x4.splat (f32.load (local.get $pa))))
            (local.set $x1 (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $rowBytesA)))))
            (local.set $x2 (f32x4.splat (f32.load (i32.add (local.get $pa) (i32.shl (local.get $rowBytesA) (i32.const 1))))))
            (local.set $x3 (f32x4.splat (f32.load (i32.add (local.get $pa) (i32.mul (local.get $rowBytesA) (i32.const 3))))))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x0) (local.get $w0))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x0) (local.get $w1))))
            (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x1) (local.get $w0))))
            (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x1) (local.get $w1))))
            (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x2) (local.get $w0))))
            (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x2) (local.get $w1))))
            (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x3) (local.get $w0))))
            (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x3) (local.get $w1))))
            (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
            (local.set $pb (i32.add (local.get $pb) (local.get $rowBytesB)))
            (local.set $remaining (i32.sub (local.get $remaining) (i32.const 1)))
            (br $inner))))
        (else
          (block $innerDone (loop $inner
            (br_if $innerDone (i32.eqz (local.get $remaining)))
            (local.set $x0 (f32x4.splat (f32.load (local.get $pa))))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x0) (v128.load (local.get $pb)))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x0) (v128.load offset=16 (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
            (local.set $pb (i32.add (local.get $pb) (local.get $rowBytesB)))
            (local.set $remaining (i32.sub (local.get $remaining) (i32.const 1)))
            (br $inner)))))
      (local.set $pc (i32.add (local.get $c) (i32.shl (local.get $column) (i32.const 2))))
      (v128.store (local.get $pc) (local.get $c00))
      (v128.store offset=16 (local.get $pc) (local.get $c01))
      (if (i32.eq (local.get $rows) (i32.const 4))
        (then
          (local.set $pc (i32.add (local.get $pc) (local.get $rowBytesB)))
          (v128.store (local.get $pc) (local.get $c10))
          (v128.store offset=16 (local.get $pc) (local.get $c11))
          (local.set $pc (i32.add (local.get $pc) (local.get $rowBytesB)))
          (v128.store (local.get $pc) (local.get $c20))
          (v128.store offset=16 (local.get $pc) (local.get $c21))
          (local.set $pc (i32.add (local.get $pc) (local.get $rowBytesB)))
          (v128.store (local.get $pc) (local.get $c30))
          (v128.store offset=16 (local.get $pc) (local.get $c31))))
      (local.set $column (i32.add (local.get $column) (i32.const 8)))
      (br $columns)))
  )

  ;; C[b] = A[b] · B[b] for b in 0 .. batch - 1. Offsets in bytes, sizes in elements.
  (func (export "batchMatMul") (param $a i32) (param $b i32) (param $c i32)
        (param $batch i32) (param $m i32) (param $k i32) (param $n i32)
    (local $index i32) (local $row i32) (local $rows i32)
    (local $matrixA i32) (local $matrixB i32) (local $matrixC i32)
    (local $rowBytesA i32) (local $rowBytesC i32)
    (local.set $rowBytesA (i32.shl (local.get $k) (i32.const 2)))
    (local.set $rowBytesC (i32.shl (local.get $n) (i32.const 2)))
    (local.set $index (i32.const 0))
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
)
