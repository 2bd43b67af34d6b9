package dev.sagaflow.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, so it never disagrees with the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SagaflowCli.class.getPackage().getImplementationVersion();
        return new String[] {"sagaflow " + (version == null ? "(development build)" : version)};
    }
}
