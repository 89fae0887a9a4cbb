package dev.partnerapps.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** The Web Services hub; each link is shown only to the roles that may use it. */
    @GetMapping("/admin/web-services")
    String webServices() {
        return "admin/web-services";
    }
}
