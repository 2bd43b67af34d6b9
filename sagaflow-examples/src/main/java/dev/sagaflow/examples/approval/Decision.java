package dev.sagaflow.examples.approval;

/**
 * An approver's answer, the payload of the {@code manager-decision} and {@code director-decision}
 * signals: {@code {"approved":true,"by":"manager","note":"ok"}}.
 */
public record Decision(boolean approved, String by, String note) {
}
