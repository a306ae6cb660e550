/**
 * Policies trained by ONNX Runtime's on-device training API, driven from Java.
 *
 * <p>{@link org.gfn4j.policy.PolicySpec} describes the network (MLP or gfnx transformer, named
 * heads); {@link org.gfn4j.policy.PolicyTrainer} builds the ONNX training/eval/optimizer models
 * and checkpoint, then runs forward ({@code EvalStep}), accumulate ({@code TrainStep} with the
 * caller's {@code dLoss/dHead}) and step ({@code OptimizerStep} + logZ Adam);
 * {@link org.gfn4j.policy.TargetNetwork} is a frozen copy and {@link org.gfn4j.policy.Policy} an
 * exported model. All three implement {@link org.gfn4j.policy.PolicyNetwork} and read and write
 * gfn4j tensors in place.
 */
package org.gfn4j.policy;
