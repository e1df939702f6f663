package org.supportplans.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The coordinator's dashboard at {@code /dashboard}: static files ({@code static/dashboard/}) that call
 * our API with the staff member's sign-in, and Chart.js from its WebJar. The page holds no data of its
 * own, so it and its files are served without a sign-in; every call it makes to {@code /api} needs one.
 * The address ends with a slash so that the page's relative paths (its modules, {@code ../api/}) resolve
 * under any context path.
 */
@Configuration
class DashboardPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
        // the session log, sized for a phone: a provider logs a session of a service
        registry.addViewController("/dashboard/sessions").setViewName("forward:/dashboard/sessions.html");
    }
}
