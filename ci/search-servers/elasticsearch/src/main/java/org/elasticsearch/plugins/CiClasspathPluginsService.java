package org.elasticsearch.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

/**
 * PluginsService that, in addition to whatever sits in the (empty) modules and
 * plugins directories, instantiates the given plugin classes from the classpath.
 */
public class CiClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> allPlugins;

    private final PluginsAndModules allInfo;

    public CiClasspathPluginsService(final Settings settings, final Environment environment,
            final Collection<Class<? extends Plugin>> classpathPlugins) {
        super(settings, environment.configFile(), environment.modulesFile(), environment.pluginsFile());
        final List<LoadedPlugin> loaded = new ArrayList<>();
        final List<PluginRuntimeInfo> infos = new ArrayList<>(super.info().getPluginInfos());
        for (final Class<? extends Plugin> type : classpathPlugins) {
            final Plugin instance = loadPlugin(type, settings, environment.configFile());
            final PluginDescriptor descriptor = new PluginDescriptor(type.getName(), "classpath plugin", "NA",
                    Build.current().version(), Integer.toString(Runtime.version().feature()), type.getName(), null,
                    List.of(), false, false, false, false);
            loaded.add(new LoadedPlugin(descriptor, instance));
            infos.add(new PluginRuntimeInfo(descriptor));
        }
        loaded.addAll(super.plugins());
        this.allPlugins = List.copyOf(loaded);
        this.allInfo = new PluginsAndModules(infos, super.info().getModuleInfos());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return allPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return allInfo;
    }

    @Override
    protected void addServerExportsService(final Map<String, List<ModuleQualifiedExportsService>> qualifiedExports) {
        // The server is on the classpath (unnamed module): there are no qualified exports to wire.
    }
}
