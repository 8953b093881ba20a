package org.elasticsearch.node;

import java.util.Collection;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.CiClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsService;

/**
 * A real Elasticsearch {@link Node} whose plugins are given as classes on the
 * JVM classpath instead of being read from a "modules/" directory of a distribution.
 *
 * It lives in org.elasticsearch.node because NodeConstruction and NodeServiceProvider
 * are package-private (fine on the classpath, where no module boundaries apply).
 */
public class CiClasspathNode extends Node {

    public CiClasspathNode(final Environment environment, final Collection<Class<? extends Plugin>> classpathPlugins) {
        super(NodeConstruction.prepareConstruction(environment, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(final Environment env, final Settings settings) {
                return new CiClasspathPluginsService(settings, env, classpathPlugins);
            }
        }, true));
    }
}
