/**
 * ONNX Runtime C API plumbing (JavaCPP presets): environment and status checks, training and
 * inference sessions, zero-copy OrtValues over gfn4j tensors, and the checkpoint flatbuffer
 * writer. No type of this package appears in the public policy API except through tensors.
 */
package org.gfn4j.policy.ort;
