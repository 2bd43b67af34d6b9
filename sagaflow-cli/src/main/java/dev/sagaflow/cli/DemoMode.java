package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.remote.OrderServices;

/** {@code --mode}: who drives the order flow. */
enum DemoMode {
    orchestration, choreography;

    OrderServices.Mode services() {
        return this == orchestration ? OrderServices.Mode.ORCHESTRATION : OrderServices.Mode.CHOREOGRAPHY;
    }
}
