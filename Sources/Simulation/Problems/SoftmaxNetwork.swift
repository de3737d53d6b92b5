import Foundation

/// A classifier trained with mean cross-entropy: softmax regression (`inputs → classes`) or a
/// one-hidden-layer perceptron (`inputs → hidden → classes`), over a flat parameter vector.
///
/// Parameter layout (row-major matrices, as `x · W`):
/// - no hidden layer: `W` (inputs × classes), then `b` (classes) if `bias`;
/// - hidden layer: `W₁` (inputs × hidden), `b₁` (hidden), `W₂` (hidden × classes), `b₂` (classes)
///   (a hidden layer always has biases).
///
/// For a batch B of rows: `z = x·W (+ b)` (or `h = act(x·W₁ + b₁)`, `z = h·W₂ + b₂`);
/// loss = (1/|B|) Σᵢ (m + log Σ_c exp(z_c − m) − z_y), m = max_c z_c (log-softmax, stable);
/// gradient by backpropagation: ∂loss/∂z = (softmax(z) − onehot(y)) / |B|.
struct SoftmaxNetwork: Sendable, Equatable {
    typealias Activation = DigitsProblem.Activation

    let inputs: Int
    let hidden: Int?
    let classes: Int
    let bias: Bool
    let activation: Activation

    /// Number of parameters.
    var parameterCount: Int {
        if let h = hidden { return inputs * h + h + h * classes + classes }
        return inputs * classes + (bias ? classes : 0)
    }

    /// `torch.nn.Linear`'s default initialization: every weight and bias of a layer with
    /// `fan_in` inputs uniform in [−1/√fan_in, 1/√fan_in), drawn in layout order as
    /// `(2u − 1)/√fan_in` with u = ``SplitMix64/nextDouble()``.
    func initialParameters(_ rng: inout SplitMix64) -> [Double] {
        var w: [Double] = []
        w.reserveCapacity(parameterCount)
        func layer(_ fanIn: Int, _ count: Int) {
            let bound = 1 / Double(fanIn).squareRoot()
            for _ in 0..<count { w.append((2 * rng.nextDouble() - 1) * bound) }
        }
        if let h = hidden {
            layer(inputs, inputs * h + h)
            layer(h, h * classes + classes)
        } else {
            layer(inputs, inputs * classes + (bias ? classes : 0))
        }
        return w
    }

    /// Mean cross-entropy over `rows` of `x` (row-major, `inputs` wide) and, when `gradient`
    /// is given, its gradient (overwritten). Also counts the rows whose largest logit is the label.
    func evaluate(
        _ w: [Double], x: [Double], labels: [Int], rows: ArraySlice<Int>, gradient: UnsafeMutableBufferPointer<Double>?
    ) -> (loss: Double, correct: Int) {
        let inputs = self.inputs, classes = self.classes, bias = self.bias
        let scale = 1 / Double(rows.count)
        var lossSum = 0.0
        var correct = 0
        if let g = gradient { g.update(repeating: 0) }
        w.withUnsafeBufferPointer { w in
            x.withUnsafeBufferPointer { x in
                var z = [Double](repeating: 0, count: classes)
                z.withUnsafeMutableBufferPointer { z in
                    if let hiddenCount = hidden {
                        let w1 = 0, b1 = inputs * hiddenCount, w2 = b1 + hiddenCount, b2 = w2 + hiddenCount * classes
                        var hBuffer = [Double](repeating: 0, count: hiddenCount)
                        var dhBuffer = [Double](repeating: 0, count: hiddenCount)
                        hBuffer.withUnsafeMutableBufferPointer { h in
                            dhBuffer.withUnsafeMutableBufferPointer { dh in
                                for row in rows {
                                    let xr = row * inputs
                                    for j in 0..<hiddenCount { h[j] = w[b1 + j] }
                                    for k in 0..<inputs {
                                        let xv = x[xr + k]
                                        if xv == 0 { continue }
                                        let base = w1 + k * hiddenCount
                                        for j in 0..<hiddenCount { h[j] += xv * w[base + j] }
                                    }
                                    for j in 0..<hiddenCount {
                                        switch activation {
                                        case .tanh: h[j] = Foundation.tanh(h[j])
                                        case .relu: h[j] = Swift.max(h[j], 0)
                                        }
                                    }
                                    for c in 0..<classes { z[c] = w[b2 + c] }
                                    for j in 0..<hiddenCount {
                                        let hv = h[j]
                                        let base = w2 + j * classes
                                        for c in 0..<classes { z[c] += hv * w[base + c] }
                                    }
                                    let label = labels[row]
                                    let (loss, argmax) = Self.softmaxInPlace(z, label: label)
                                    lossSum += loss
                                    if argmax == label { correct += 1 }
                                    guard let g = gradient else { continue }
                                    z[label] -= 1
                                    for c in 0..<classes {
                                        z[c] *= scale
                                        g[b2 + c] += z[c]
                                    }
                                    for j in 0..<hiddenCount {
                                        let hv = h[j]
                                        let base = w2 + j * classes
                                        var s = 0.0
                                        for c in 0..<classes {
                                            g[base + c] += hv * z[c]
                                            s += z[c] * w[base + c]
                                        }
                                        switch activation {
                                        case .tanh: dh[j] = s * (1 - hv * hv)
                                        case .relu: dh[j] = hv > 0 ? s : 0
                                        }
                                        g[b1 + j] += dh[j]
                                    }
                                    for k in 0..<inputs {
                                        let xv = x[xr + k]
                                        if xv == 0 { continue }
                                        let base = w1 + k * hiddenCount
                                        for j in 0..<hiddenCount { g[base + j] += xv * dh[j] }
                                    }
                                }
                            }
                        }
                    } else {
                        let b = inputs * classes
                        for row in rows {
                            let xr = row * inputs
                            for c in 0..<classes { z[c] = bias ? w[b + c] : 0 }
                            for k in 0..<inputs {
                                let xv = x[xr + k]
                                let base = k * classes
                                for c in 0..<classes { z[c] += xv * w[base + c] }
                            }
                            let label = labels[row]
                            let (loss, argmax) = Self.softmaxInPlace(z, label: label)
                            lossSum += loss
                            if argmax == label { correct += 1 }
                            guard let g = gradient else { continue }
                            z[label] -= 1
                            for c in 0..<classes { z[c] *= scale }
                            if bias { for c in 0..<classes { g[b + c] += z[c] } }
                            for k in 0..<inputs {
                                let xv = x[xr + k]
                                let base = k * classes
                                for c in 0..<classes { g[base + c] += xv * z[c] }
                            }
                        }
                    }
                }
            }
        }
        return (lossSum / Double(rows.count), correct)
    }

    /// Replaces logits `z` by softmax(z); returns the cross-entropy −log softmax(z)[label]
    /// computed as (m + log Σ exp(z − m)) − z[label], and the first index of the largest logit.
    @inline(__always)
    static func softmaxInPlace(_ z: UnsafeMutableBufferPointer<Double>, label: Int) -> (Double, Int) {
        var m = z[0], argmax = 0
        for c in 1..<z.count where z[c] > m { m = z[c]; argmax = c }
        var sum = 0.0
        for c in 0..<z.count { sum += Foundation.exp(z[c] - m) }
        let logSum = Foundation.log(sum)
        let loss = -((z[label] - m) - logSum)
        for c in 0..<z.count { z[c] = Foundation.exp((z[c] - m) - logSum) }
        return (loss, argmax)
    }
}
