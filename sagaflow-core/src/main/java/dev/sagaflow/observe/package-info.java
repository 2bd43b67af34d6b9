/**
 * What an engine tells the outside about its work, for metrics, tracing and alerting: interceptors
 * around each step and compensation attempt ({@link dev.sagaflow.observe.StepInterceptor}), lifecycle
 * events after their transitions are durable ({@link dev.sagaflow.observe.SagaEventListener}), the
 * context carried from the code that starts a saga into its steps and commands
 * ({@link dev.sagaflow.observe.ContextPropagation}), and a node's health
 * ({@link dev.sagaflow.observe.NodeHealth}). {@code sagaflow-micrometer} and
 * {@code sagaflow-opentelemetry} are built on these alone.
 */
package dev.sagaflow.observe;
